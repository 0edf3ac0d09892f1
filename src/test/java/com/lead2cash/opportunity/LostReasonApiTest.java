package com.lead2cash.opportunity;

import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.platform.Role;
import com.lead2cash.testing.Fixtures;
import com.lead2cash.testing.IntegrationTest;
import jakarta.servlet.http.Cookie;
import java.time.LocalDate;
import java.util.Locale;
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

/**
 * SPEC §6: the lost reasons the administrators' screen adds and changes are added and changed over the API too, through
 * the same rules (LostReasons), a change at the version it was read.
 */
@IntegrationTest
class LostReasonApiTest {

    @Autowired MockMvcTester mvc;
    @Autowired Fixtures fixtures;
    @Autowired JdbcClient jdbc;

    String admin;

    @BeforeEach
    void signIn() {
        admin = "Bearer " + fixtures.token(mvc, "admin");
    }

    private MvcTestResult send(String method, String uri, String token, String body) {
        var request = method.equals("POST") ? mvc.post().uri(uri) : mvc.put().uri(uri);
        return request.header(HttpHeaders.AUTHORIZATION, token).header(HttpHeaders.ACCEPT_LANGUAGE, "en")
                .contentType(MediaType.APPLICATION_JSON).content(body).exchange();
    }

    private JsonNode json(MvcTestResult result) {
        return fixtures.mapper().readTree(result.getResponse().getContentAsByteArray());
    }

    private static String code() {
        return "R_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
    }

    @Test
    void anAdministratorAddsAReasonThenChangesItAtTheVersionItWasRead() {
        String code = code();
        var added = send("POST", "/api/v1/opportunity-lost-reasons", admin, """
                {"code": "%s", "labelZh": "交期无法满足", "labelEn": "Delivery time not met", "position": 80}"""
                .formatted(code.toLowerCase(Locale.ROOT)));
        assertThat(added).hasStatus(HttpStatus.CREATED);
        JsonNode reason = json(added);
        assertThat(reason.get("code").asString()).as("upper case, as the screen keeps it").isEqualTo(code);
        assertThat(reason.get("active").asBoolean()).isTrue();
        assertThat(reason.get("position").asInt()).isEqualTo(80);
        assertThat(added.getResponse().getHeader(HttpHeaders.LOCATION))
                .isEqualTo("/api/v1/opportunity-lost-reasons/" + code);
        assertThat(mvc.get().uri("/api/v1/opportunity-lost-reasons/" + code).header(HttpHeaders.AUTHORIZATION, admin))
                .hasStatusOk().bodyJson().extractingPath("$.labelEn").isEqualTo("Delivery time not met");
        long version = reason.get("version").asLong();

        // the same code again: refused on the code, nothing changed
        var again = send("POST", "/api/v1/opportunity-lost-reasons", admin, """
                {"code": "%s", "labelZh": "别的", "labelEn": "Other words"}""".formatted(code));
        assertThat(again).hasStatus(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(json(again).at("/errors/0/field").asString()).isEqualTo("code");
        assertThat(json(again).at("/errors/0/message").asString()).contains(code);
        assertThat(mvc.get().uri("/api/v1/opportunity-lost-reasons/" + code).header(HttpHeaders.AUTHORIZATION, admin))
                .as("the refused add changed nothing").hasStatusOk().bodyJson().extractingPath("$.version")
                .isEqualTo((int) version);
        assertThat(jdbc.sql("select label_en from opportunity_lost_reason where code = :code").param("code", code)
                .query(String.class).single()).isEqualTo("Delivery time not met");

        String path = "/api/v1/opportunity-lost-reasons/" + code;
        assertThat(send("PUT", path, admin, "{\"active\": false}")).hasStatus(HttpStatus.PRECONDITION_REQUIRED);
        assertThat(send("PUT", path, admin, "{\"active\": false, \"version\": " + (version + 5) + "}"))
                .hasStatus(HttpStatus.CONFLICT);
        assertThat(send("PUT", path, admin, "{\"labelEn\": \" \", \"version\": " + version + "}"))
                .hasStatus(HttpStatus.UNPROCESSABLE_ENTITY);
        var retired = send("PUT", path, admin, "{\"active\": false, \"labelEn\": \"Delivery too late\", \"version\": "
                + version + "}");
        assertThat(retired).hasStatusOk();
        assertThat(json(retired).get("active").asBoolean()).isFalse();
        assertThat(json(retired).get("labelEn").asString()).isEqualTo("Delivery too late");
        assertThat(json(retired).get("labelZh").asString()).as("left out, kept").isEqualTo("交期无法满足");
        assertThat(json(retired).get("position").asInt()).as("left out, kept").isEqualTo(80);
        assertThat(json(retired).get("version").asLong()).isEqualTo(version + 1);
        assertThat(send("PUT", path, admin, "{\"active\": true, \"version\": " + version + "}"))
                .as("the version read before the change is stale").hasStatus(HttpStatus.CONFLICT);
        assertThat(send("PUT", "/api/v1/opportunity-lost-reasons/NO_SUCH_" + code, admin, "{\"version\": 0}"))
                .hasStatus(HttpStatus.NOT_FOUND);
        // the 404 names the record in the reader's words, not the class name
        var missing = mvc.put().uri("/api/v1/opportunity-lost-reasons/NOPE_" + code).header(HttpHeaders.AUTHORIZATION, admin)
                .header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN").contentType(MediaType.APPLICATION_JSON)
                .content("{\"version\": 0}").exchange();
        assertThat(missing).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(json(missing).get("detail").asString()).isEqualTo("未找到输单原因 NOPE_" + code + "。");
    }

    @Test
    void theApiRefusesWhatTheScreenRefusesAndOnlyAnAdministratorChangesTheList() {
        var invalid = send("POST", "/api/v1/opportunity-lost-reasons", admin, """
                {"code": "交付慢", "labelZh": "", "labelEn": "Delivery too slow"}""");
        assertThat(invalid).hasStatus(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(json(invalid).get("errors").valueStream().map(e -> e.get("field").asString()).toList())
                .containsExactlyInAnyOrder("code", "labelZh");

        String rep = "rep" + UUID.randomUUID().toString().substring(0, 8);
        fixtures.user(rep, fixtures.rootUnit(), LocalDate.of(2024, 1, 1), Role.SALES_REP);
        String repToken = "Bearer " + fixtures.token(mvc, rep);
        String code = code();
        assertThat(send("POST", "/api/v1/opportunity-lost-reasons", repToken, """
                {"code": "%s", "labelZh": "中文", "labelEn": "English"}""".formatted(code)))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(send("PUT", "/api/v1/opportunity-lost-reasons/PRICE", repToken, "{\"version\": 0}"))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(jdbc.sql("select count(*) from opportunity_lost_reason where code = :code").param("code", code)
                .query(Integer.class).single()).isZero();
        assertThat(mvc.get().uri("/api/v1/opportunity-lost-reasons").header(HttpHeaders.AUTHORIZATION, repToken))
                .as("reading the list stays everyone's").hasStatusOk();
    }

    @Test
    void aReasonsRowOnTheScreenCarriesItsVersionAndAStaleOneChangesNothing() throws Exception {
        String code = code();
        JsonNode reason = json(send("POST", "/api/v1/opportunity-lost-reasons", admin, """
                {"code": "%s", "labelZh": "中文", "labelEn": "English"}""".formatted(code)));
        Cookie session = fixtures.session(mvc, "admin", Fixtures.ADMIN_PASSWORD);
        String page = mvc.get().uri("/admin/opportunity-lost-reasons").cookie(session).exchange().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(page).contains("<input type=\"hidden\" name=\"code\" value=\"" + code
                + "\"><input type=\"hidden\" name=\"version\" value=\"" + reason.get("version").asLong() + "\">");
        send("PUT", "/api/v1/opportunity-lost-reasons/" + code, admin,
                "{\"position\": 5, \"version\": " + reason.get("version").asLong() + "}");

        assertThat(mvc.post().uri("/admin/opportunity-lost-reasons").cookie(session)
                .with(SecurityMockMvcRequestPostProcessors.csrf()).param("code", code).param("labelZh", "中文改")
                .param("labelEn", "Changed").param("position", "10").param("active", "true")
                .param("version", reason.get("version").asString()))
                .hasStatus3xxRedirection().flash().containsEntry("flashError", "error.staleVersion");
        assertThat(jdbc.sql("select label_en from opportunity_lost_reason where code = :code").param("code", code)
                .query(String.class).single()).isEqualTo("English");
        assertThat(mvc.post().uri("/admin/opportunity-lost-reasons").cookie(session)
                .with(SecurityMockMvcRequestPostProcessors.csrf()).param("code", code).param("labelZh", "中文改")
                .param("labelEn", "Changed").param("position", "10").param("active", "true")
                .param("version", String.valueOf(reason.get("version").asLong() + 1)))
                .hasStatus3xxRedirection().flash().containsEntry("flashSuccess", "opportunity.lostReason.saved");
        assertThat(jdbc.sql("select label_en || ' ' || version from opportunity_lost_reason where code = :code")
                .param("code", code).query(String.class).single())
                .isEqualTo("Changed " + (reason.get("version").asLong() + 2));
    }

    /**
     * Walk finding (data loss): the new reason's form, given a code a reason has already, overwrote that reason's labels,
     * order and state. It is refused on the code, in the reader's language, and changes nothing; the form comes back
     * with what was typed, the existing reason's row as stored. Changing a reason is its row's edit, at its version.
     */
    @Test
    void aNewReasonOnTheScreenWithACodeTakenIsRefusedAndChangesNothing() throws Exception {
        String code = code();
        JsonNode reason = json(send("POST", "/api/v1/opportunity-lost-reasons", admin, """
                {"code": "%s", "labelZh": "原来的", "labelEn": "As it was", "position": 30}""".formatted(code)));
        Cookie session = fixtures.session(mvc, "admin", Fixtures.ADMIN_PASSWORD);

        // the new reason's form sends no version (and the code in any case)
        assertThat(mvc.post().uri("/admin/opportunity-lost-reasons").cookie(session)
                .with(SecurityMockMvcRequestPostProcessors.csrf()).param("code", code.toLowerCase(Locale.ROOT))
                .param("labelZh", "覆盖").param("labelEn", "Overwritten").param("position", "100")
                .param("active", "true"))
                .hasStatus3xxRedirection().flash().containsEntry("flashError", "opportunity.lostReason.code.taken");
        assertThat(jdbc.sql("select label_zh || '|' || label_en || '|' || position || '|' || active || '|' || version"
                        + " from opportunity_lost_reason where code = :code").param("code", code).query(String.class)
                .single()).as("nothing changed").isEqualTo("原来的|As it was|30|true|" + reason.get("version").asLong());

        for (String lang : java.util.List.of("en", "zh-CN")) {
            // the refusal again, then the page it redirects to, in the reader's language
            var refused = mvc.post().uri("/admin/opportunity-lost-reasons").cookie(session)
                    .with(SecurityMockMvcRequestPostProcessors.csrf()).param("code", code)
                    .param("labelZh", "覆盖").param("labelEn", "Overwritten").param("position", "100")
                    .param("active", "true").exchange();
            String page = mvc.get().uri("/admin/opportunity-lost-reasons?lang=" + lang).cookie(session)
                    .flashAttrs(refused.getMvcResult().getFlashMap()).exchange().getResponse()
                    .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
            assertThat(page).as(lang).contains(lang.equals("en")
                    ? "A lost reason with the code " + code + " exists already"
                    : "代码为 " + code + " 的输单原因已存在");
            assertThat(com.lead2cash.testing.FormHtml.inputValue(page, "new-reason-code")).as("the form, as typed")
                    .isEqualTo(code);
            assertThat(com.lead2cash.testing.FormHtml.inputValue(page, "new-reason-labelEn")).isEqualTo("Overwritten");
            assertThat(page).as("the code is marked as the field refused")
                    .containsPattern("id=\"new-reason-code\"[^>]*is-invalid|is-invalid[^>]*id=\"new-reason-code\"");
            assertThat(com.lead2cash.testing.FormHtml.inputValue(page, "labelEn-" + code)).as("the row as stored")
                    .isEqualTo("As it was");
        }

        // its row's edit, at its version, changes it
        assertThat(mvc.post().uri("/admin/opportunity-lost-reasons").cookie(session)
                .with(SecurityMockMvcRequestPostProcessors.csrf()).param("code", code).param("labelZh", "改过的")
                .param("labelEn", "Changed").param("position", "40")
                .param("version", reason.get("version").asString()))
                .hasStatus3xxRedirection().flash().containsEntry("flashSuccess", "opportunity.lostReason.saved");
        assertThat(jdbc.sql("select label_en || '|' || position || '|' || active || '|' || version"
                        + " from opportunity_lost_reason where code = :code").param("code", code).query(String.class)
                .single()).as("unticked: retired").isEqualTo("Changed|40|false|" + (reason.get("version").asLong() + 1));
    }
}
