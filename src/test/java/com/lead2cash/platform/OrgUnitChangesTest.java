package com.lead2cash.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.platform.internal.identity.IdentityService;
import com.lead2cash.platform.internal.identity.User;
import com.lead2cash.testing.Fixtures;
import com.lead2cash.testing.IntegrationTest;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;

/** Docs/decisions/0096: a unit created by mistake is deleted when nothing holds it; a unit moves with its subtree. */
@IntegrationTest
class OrgUnitChangesTest {

    @Autowired MockMvcTester mvc;
    @Autowired Fixtures fixtures;
    @Autowired JdbcClient jdbc;
    @Autowired IdentityService identity;
    @Autowired OrgDirectory directory;

    private String admin;

    @BeforeEach
    void signIn() {
        admin = "Bearer " + fixtures.token(mvc, "admin");
    }

    private MvcTestResult delete(UUID unit) {
        return mvc.delete().uri("/api/v1/org-units/{id}", unit).header(HttpHeaders.AUTHORIZATION, admin).exchange();
    }

    private MvcTestResult move(UUID unit, UUID parent) {
        JsonNode now = fixtures.json(mvc.get().uri("/api/v1/org-units/{id}", unit).header(HttpHeaders.AUTHORIZATION, admin));
        return mvc.put().uri("/api/v1/org-units/{id}", unit).header(HttpHeaders.AUTHORIZATION, admin)
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"name":"%s","parentId":"%s","version":%d}"""
                        .formatted(now.get("name").asString(), parent, now.get("version").asLong())).exchange();
    }

    private static String code(MvcTestResult refused) throws Exception {
        return new tools.jackson.databind.json.JsonMapper().readTree(refused.getResponse().getContentAsByteArray())
                .get("code").asString();
    }

    private boolean exists(UUID unit) {
        return jdbc.sql("select count(*) from platform_org_unit where id = :id").param("id", unit)
                .query(Integer.class).single() > 0;
    }

    @Test
    void aUnitNothingHoldsIsDeletedAndAuditedAndOneAnythingHoldsStaysWithARefusalThatSaysWhat() throws Exception {
        UUID mistake = fixtures.unit("误建部门");
        assertThat(delete(mistake)).hasStatus(HttpStatus.NO_CONTENT);
        assertThat(exists(mistake)).isFalse();
        assertThat(mvc.get().uri("/api/v1/org-units/{id}", mistake).header(HttpHeaders.AUTHORIZATION, admin))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(jdbc.sql("select count(*) from platform_audit_event where action = 'DELETE' and entity_type = 'OrgUnit'"
                + " and entity_id = :id").param("id", mistake.toString()).query(Integer.class).single()).isEqualTo(1);

        // a person in it, deactivated or not
        UUID staffed = fixtures.unit("有人的部门");
        User person = fixtures.user("org.member", staffed, null, Role.FINANCE);
        identity.setActive(person.id(), false, identity.user(person.id()).version());
        MvcTestResult refused = delete(staffed);
        assertThat(refused).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(code(refused)).isEqualTo("org.delete.people");

        // a unit below it
        UUID parent = fixtures.unit("上级部门");
        fixtures.unit("下级部门", parent);
        assertThat(code(delete(parent))).isEqualTo("org.delete.units");

        // a record of another module that keeps it: a survey counted for the team
        UUID surveyed = fixtures.unit("调查的团队");
        jdbc.sql("""
                insert into aftersales_survey (id, customer_id, occasion, subject_id, team_id, confirmation_id, sent_at)
                values (gen_random_uuid(), gen_random_uuid(), 'ORDER_ACCEPTED', gen_random_uuid(), :unit,
                        gen_random_uuid(), timestamptz '2026-12-01 02:00Z')""").param("unit", surveyed).update();
        MvcTestResult held = delete(surveyed);
        assertThat(held).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(code(held)).isEqualTo("aftersales.orgUnit.heldBySurveys");
        assertThat(held.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("1 satisfaction survey(s)");

        // someone who was in it: their history names it
        UUID left = fixtures.unit("调走的部门");
        User mover = fixtures.user("org.mover", left, null, Role.FINANCE);
        identity.updateUser(mover.id(), new IdentityService.UserForm(null, mover.displayName(), mover.email(), null,
                fixtures.rootUnit(), mover.roleSet(), null), identity.user(mover.id()).version());
        assertThat(code(delete(left))).isEqualTo("org.delete.history");

        assertThat(code(delete(fixtures.rootUnit()))).isEqualTo("org.delete.root");
        assertThat(List.of(staffed, parent, surveyed, left, fixtures.rootUnit())).allMatch(this::exists);
    }

    @Test
    void aUnitMovesWithTheUnitsBelowItAndTheManagersAboveThemChangeButNeverUnderItselfAndTheTopStays() throws Exception {
        UUID east = fixtures.unit("华东区");
        UUID eastTeam = fixtures.unit("华东一组", east);
        UUID north = fixtures.unit("华北区");
        User northHead = fixtures.user("north.head", north, LocalDate.of(2020, 1, 1), Role.REGIONAL_MANAGER);
        fixtures.appointManager(north, northHead.id());
        User rep = fixtures.user("team.rep.moved", eastTeam, LocalDate.of(2024, 1, 1), Role.SALES_REP);
        assertThat(directory.managerOf(rep.id())).isEmpty();

        for (UUID below : List.of(east, eastTeam)) {
            MvcTestResult refused = move(east, below);
            assertThat(refused).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyJson()
                    .extractingPath("$.errors[0].code").isEqualTo("org.parent.cycle");
        }
        assertThat(move(fixtures.rootUnit(), north)).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyJson()
                .extractingPath("$.errors[0].code").isEqualTo("org.root.immovable");

        MvcTestResult moved = move(east, north);
        assertThat(moved).hasStatusOk().bodyJson().extractingPath("$.parentId").isEqualTo(north.toString());
        assertThat(fixtures.json(mvc.get().uri("/api/v1/org-units/{id}", eastTeam).header(HttpHeaders.AUTHORIZATION, admin))
                .get("depth").asInt()).isEqualTo(3);
        // the head above the units moved now stands above their people (their data scope TEAM covers them)
        assertThat(directory.managerOf(rep.id()).map(OrgDirectory.Person::id)).contains(northHead.id());
        assertThat(fixtures.json(mvc.get().uri("/api/v1/users?orgUnitId=" + north).header(HttpHeaders.AUTHORIZATION, admin))
                .get("items").valueStream().map(u -> u.get("username").asString()).toList()).contains("team.rep.moved");
        assertThat(jdbc.sql("select count(*) from platform_audit_event where entity_type = 'OrgUnit' and entity_id = :id"
                        + " and field = 'parentId' and new_value = :parent")
                .param("id", east.toString()).param("parent", north.toString()).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void theOrgScreenMovesAndDeletesAUnitAndSaysWhyOneStays() throws Exception {
        UUID target = fixtures.unit("屏幕目标部门");
        UUID wrong = fixtures.unit("屏幕误建部门");
        UUID staffed = fixtures.unit("屏幕有人部门");
        fixtures.user("screen.member", staffed, null, Role.FINANCE);
        Cookie session = fixtures.session(mvc, "admin", Fixtures.ADMIN_PASSWORD);
        String page = mvc.get().uri("/admin/org?lang=zh-CN").cookie(session).exchange().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("id=\"org-parent-" + wrong + "\"", "id=\"org-delete-" + wrong + "\"", ">删除</button>")
                .doesNotContain("id=\"org-parent-" + fixtures.rootUnit() + "\"", "id=\"org-delete-" + fixtures.rootUnit() + "\"");

        long version = identity.orgUnit(wrong).version();
        assertThat(mvc.post().uri("/admin/org/{id}", wrong).cookie(session).with(SecurityMockMvcRequestPostProcessors.csrf())
                .param("name", "屏幕误建部门").param("parentId", target.toString()).param("version", String.valueOf(version)))
                .hasStatus(HttpStatus.FOUND);
        assertThat(identity.orgUnit(wrong).parentId()).isEqualTo(target);

        assertThat(mvc.post().uri("/admin/org/{id}/delete", wrong).cookie(session)
                .with(SecurityMockMvcRequestPostProcessors.csrf()).param("version", String.valueOf(version + 1)))
                .hasStatus(HttpStatus.FOUND).flash().containsKey("flashSuccess");
        assertThat(exists(wrong)).isFalse();

        assertThat(mvc.post().uri("/admin/org/{id}/delete", staffed).cookie(session)
                .with(SecurityMockMvcRequestPostProcessors.csrf())
                .param("version", String.valueOf(identity.orgUnit(staffed).version())))
                .hasStatus(HttpStatus.FOUND).flash().containsEntry("flashError", "org.delete.people");
        assertThat(exists(staffed)).isTrue();
        // said in the reader's language, what holds it
        assertThat(delete(staffed).getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("1 person(s)");
    }
}
