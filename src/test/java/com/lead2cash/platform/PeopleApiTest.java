package com.lead2cash.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.testing.Fixtures;
import com.lead2cash.testing.IntegrationTest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class PeopleApiTest {

    @Autowired MockMvcTester mvc;
    @Autowired Fixtures fixtures;
    @Autowired JdbcClient jdbc;

    private String admin;

    @BeforeEach
    void signIn() {
        admin = "Bearer " + fixtures.token(mvc, "admin");
    }

    private JsonNode createUser(String username, String unit) {
        var result = mvc.post().uri("/api/v1/users").header(HttpHeaders.AUTHORIZATION, admin)
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"username":"%s","displayName":"测试 用户","password":"Secret-pass-1","orgUnitId":"%s",
                         "roles":["SALES_REP"],"hireDate":"2024-05-01","email":"%s@example.test"}
                        """.formatted(username, unit, username)).exchange();
        assertThat(result).hasStatus(HttpStatus.CREATED);
        return fixtures.mapper().readTree(result.getResponse().getContentAsByteArray());
    }

    @Test
    void anAdministratorCreatesAUserWhoCanThenSignIn() {
        JsonNode user = createUser("wang.li", fixtures.rootUnit().toString());
        assertThat(user.get("username").asString()).isEqualTo("wang.li");
        assertThat(user.get("roles").get(0).asString()).isEqualTo("SALES_REP");
        assertThat(user.get("version").asLong()).isZero();
        assertThat(fixtures.token(mvc, "wang.li", "Secret-pass-1")).startsWith("l2c_");
    }

    @Test
    void aDuplicateUsernameAndAShortPasswordAreRefusedFieldByField() {
        createUser("dup.user", fixtures.rootUnit().toString());
        assertThat(mvc.post().uri("/api/v1/users").header(HttpHeaders.AUTHORIZATION, admin)
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"username":"DUP.user","displayName":"x","password":"short","orgUnitId":"%s","roles":["SALES_REP"],
                         "hireDate":"2024-05-01"}
                        """.formatted(fixtures.rootUnit())))
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
                .bodyJson().extractingPath("$.errors[*].field").asArray().containsExactlyInAnyOrder("username", "password");
        Integer count = jdbc.sql("select count(*) from platform_user where lower(username) = 'dup.user'")
                .query(Integer.class).single();
        assertThat(count).isEqualTo(1);
    }

    /** Walk finding: a new user's refusal named one field at a time (the password), the others only on the next try. */
    @Test
    void everyRefusedFieldOfANewUserIsNamedTogetherOnTheApiAndTheScreen() throws Exception {
        String tag = java.util.UUID.randomUUID().toString().substring(0, 6);
        String unit = fixtures.rootUnit().toString();
        assertThat(mvc.post().uri("/api/v1/users").header(HttpHeaders.AUTHORIZATION, admin)
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"username":"a","displayName":"x","password":"1","email":"bad","orgUnitId":"%s",
                         "roles":["SALES_REP"],"hireDate":"2024-05-01"}""".formatted(unit)))
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyJson().extractingPath("$.errors[*].field").asArray()
                .containsExactlyInAnyOrder("username", "email", "password");
        // a sales person without a hire date, a display name too long and a unit unknown besides
        assertThat(mvc.post().uri("/api/v1/users").header(HttpHeaders.AUTHORIZATION, admin)
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"username":"all.wrong.%s","displayName":"%s","password":"1","email":"bad","orgUnitId":"%s",
                         "roles":["SALES_REP"]}""".formatted(tag, "长".repeat(61), java.util.UUID.randomUUID())))
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyJson().extractingPath("$.errors[*].field").asArray()
                .containsExactlyInAnyOrder("displayName", "email", "hireDate", "password", "orgUnitId");
        var session = fixtures.session(mvc, "admin", Fixtures.ADMIN_PASSWORD);
        String form = mvc.post().uri("/admin/users/new").cookie(session)
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                .header(HttpHeaders.ACCEPT_LANGUAGE, "en").param("username", "a").param("displayName", "x")
                .param("password", "1").param("email", "bad").param("orgUnitId", unit).param("roles", "SALES_REP")
                .param("hireDate", "2024-05-01").exchange().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        for (String field : List.of("username", "email", "password")) {
            assertThat(form).as(field).containsPattern("<input(?=[^>]*id=\"" + field + "\")(?=[^>]*is-invalid)[^>]*>");
        }
        assertThat(form).doesNotContainPattern("<input(?=[^>]*id=\"displayName\")(?=[^>]*is-invalid)[^>]*>");
        assertThat(jdbc.sql("select count(*) from platform_user where username in ('a', 'all.wrong." + tag + "')")
                .query(Integer.class).single()).as("nobody made").isZero();
        // a change of a user's alike: the profile's refusals and a new password's together
        JsonNode user = createUser("all.named." + tag, unit);
        assertThat(mvc.put().uri("/api/v1/users/" + user.get("id").asString()).header(HttpHeaders.AUTHORIZATION, admin)
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"displayName":"x","email":"bad","password":"1","orgUnitId":"%s","roles":["SALES_REP"],
                         "hireDate":"2024-05-01","version":%d}""".formatted(unit, user.get("version").asLong())))
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyJson().extractingPath("$.errors[*].field").asArray()
                .containsExactlyInAnyOrder("email", "password");
    }

    /** A user's change to a unit that does not exist is refused with every other refused field, as a new user's is. */
    @Test
    void anUnknownUnitOfAChangedUserIsNamedWithEveryOtherRefusedField() {
        JsonNode user = createUser("unknown.unit." + java.util.UUID.randomUUID().toString().substring(0, 6),
                fixtures.rootUnit().toString());
        assertThat(mvc.put().uri("/api/v1/users/" + user.get("id").asString()).header(HttpHeaders.AUTHORIZATION, admin)
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"displayName":"x","email":"bad","orgUnitId":"%s","roles":["SALES_REP"],"hireDate":"2024-05-01",
                         "version":%d}""".formatted(java.util.UUID.randomUUID(), user.get("version").asLong())))
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyJson().extractingPath("$.errors[*].field").asArray()
                .containsExactlyInAnyOrder("email", "orgUnitId");
    }

    /**
     * Walk finding: a blank display name, a missing unit or a hire date beyond the years any record can have was
     * refused alone (bean validation, the general date range), the other refused fields only on the next try.
     */
    @Test
    void aBlankOrMissingFieldAndAFarHireDateAreNamedWithEveryOtherRefusedField() {
        String tag = java.util.UUID.randomUUID().toString().substring(0, 6);
        assertThat(mvc.post().uri("/api/v1/users").header(HttpHeaders.AUTHORIZATION, admin)
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"username":"a b!","displayName":"   ","email":"not-an-email","password":"123",\
                        "orgUnitId":"00000000-0000-0000-0000-000000000000","roles":[],"hireDate":"2999-01-01"}"""))
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyJson().extractingPath("$.errors[*].field").asArray()
                .containsExactlyInAnyOrder("username", "displayName", "email", "password", "orgUnitId", "roles",
                        "hireDate");
        assertThat(mvc.post().uri("/api/v1/users").header(HttpHeaders.AUTHORIZATION, admin)
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"username":"a b!","displayName":"   ","email":"not-an-email","password":"123","roles":[],\
                        "hireDate":"1899-12-31"}"""))
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyJson().extractingPath("$.errors[*].field").asArray()
                .containsExactlyInAnyOrder("username", "displayName", "email", "password", "orgUnitId", "roles",
                        "hireDate");
        JsonNode user = createUser("far.hire." + tag, fixtures.rootUnit().toString());
        assertThat(mvc.put().uri("/api/v1/users/" + user.get("id").asString()).header(HttpHeaders.AUTHORIZATION, admin)
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"displayName":"   ","email":"bad","password":"1","roles":[],"hireDate":"2999-01-01",\
                        "version":%d}""".formatted(user.get("version").asLong())))
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyJson().extractingPath("$.errors[*].field").asArray()
                .containsExactlyInAnyOrder("displayName", "email", "password", "orgUnitId", "roles", "hireDate");
        assertThat(jdbc.sql("select display_name from platform_user where id = ?::uuid")
                .param(user.get("id").asString()).query(String.class).single()).as("nothing changed")
                .isEqualTo("测试 用户");
    }

    @Test
    void aSalesPersonWithoutAHireDateIsRefusedOnTheApiAndTheScreenAndSomeoneOutsideSalesIsNot() throws Exception {
        String tag = java.util.UUID.randomUUID().toString().substring(0, 6);
        String unit = fixtures.rootUnit().toString();
        String body = """
                {"username":"%s","displayName":"无入职","password":"Secret-pass-1","orgUnitId":"%s","roles":%s}""";
        String count = "select count(*) from platform_user where username in ('nohire." + tag + "', 'nohire.screen." + tag + "')";
        for (String roles : List.of("[\"SALES_REP\"]", "[\"SALES_MANAGER\"]", "[\"FINANCE\",\"REGIONAL_MANAGER\"]")) {
            assertThat(mvc.post().uri("/api/v1/users").header(HttpHeaders.AUTHORIZATION, admin)
                    .contentType(MediaType.APPLICATION_JSON).content(body.formatted("nohire." + tag, unit, roles)))
                    .as(roles).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
                    .bodyJson().extractingPath("$.errors[*].field").asArray().containsExactly("hireDate");
        }
        var session = fixtures.session(mvc, "admin", Fixtures.ADMIN_PASSWORD);
        String form = mvc.post().uri("/admin/users/new").cookie(session)
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                .header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN").param("username", "nohire.screen." + tag)
                .param("displayName", "无入职").param("password", "Secret-pass-1").param("orgUnitId", unit)
                .param("roles", "SALES_REP").param("hireDate", "").exchange().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(form).contains("销售人员须填写入职日期").containsPattern("<input(?=[^>]*id=\"hireDate\")(?=[^>]*is-invalid)[^>]*>");
        assertThat(jdbc.sql(count).query(Integer.class).single()).as("nobody made").isZero();

        // outside sales a hire date may be left out (the first start's administrator has none)
        assertThat(mvc.post().uri("/api/v1/users").header(HttpHeaders.AUTHORIZATION, admin)
                .contentType(MediaType.APPLICATION_JSON).content(body.formatted("nohire.fin." + tag, unit, "[\"FINANCE\"]")))
                .hasStatus(HttpStatus.CREATED);
        // a person recorded before the date was required keeps no unknown date through a change of theirs
        JsonNode rep = createUser("nohire.old." + tag, unit);
        jdbc.sql("update platform_user set hire_date = null where id = :id")
                .param("id", java.util.UUID.fromString(rep.get("id").asString())).update();
        assertThat(mvc.put().uri("/api/v1/users/" + rep.get("id").asString()).header(HttpHeaders.AUTHORIZATION, admin)
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"displayName":"改名","orgUnitId":"%s","roles":["SALES_REP"],"version":%d}"""
                        .formatted(unit, rep.get("version").asLong())))
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
                .bodyJson().extractingPath("$.errors[*].field").asArray().containsExactly("hireDate");
        // the users list says whose date is missing, and only theirs (the finance person needs none)
        String list = mvc.get().uri("/admin/users?q=nohire.").cookie(session).header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN")
                .exchange().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(list).contains("nohire.old." + tag, "nohire.fin." + tag);
        assertThat(list.split("未填写：线索分配需要", -1)).as("one person marked").hasSize(2);
    }

    @Test
    void aMissingRequiredFieldIsAProblemWithFieldErrors() {
        assertThat(mvc.post().uri("/api/v1/users").header(HttpHeaders.AUTHORIZATION, admin)
                .contentType(MediaType.APPLICATION_JSON).content("{\"username\":\"x1x\"}"))
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().extractingPath("$.errors[*].field").asArray().contains("displayName", "password", "orgUnitId");
    }

    @Test
    void anUpdateWithAStaleVersionIsAConflict() {
        JsonNode user = createUser("stale.user", fixtures.rootUnit().toString());
        String body = """
                {"displayName":"%s","orgUnitId":"%s","roles":["SALES_REP"],"version":%d}
                """;
        assertThat(mvc.put().uri("/api/v1/users/" + user.get("id").asString()).header(HttpHeaders.AUTHORIZATION, admin)
                .contentType(MediaType.APPLICATION_JSON).content(body.formatted("First", fixtures.rootUnit(), 0)))
                .hasStatusOk().bodyJson().extractingPath("$.version").isEqualTo(1);
        assertThat(mvc.put().uri("/api/v1/users/" + user.get("id").asString()).header(HttpHeaders.AUTHORIZATION, admin)
                .contentType(MediaType.APPLICATION_JSON).content(body.formatted("Second", fixtures.rootUnit(), 0)))
                .hasStatus(HttpStatus.CONFLICT)
                .bodyJson().extractingPath("$.code").isEqualTo("error.staleVersion");
        assertThat(jdbc.sql("select display_name from platform_user where username = 'stale.user'")
                .query(String.class).single()).isEqualTo("First");
    }

    /** An address literal or a quoted local part is no mailbox someone owns: the users' e-mail takes the one rule. */
    @Test
    void anEmailAtAnAddressLiteralOrWithAQuotedLocalPartIsRefused() {
        JsonNode user = createUser("literal.mail", fixtures.rootUnit().toString());
        for (String email : List.of("\\\"x\\\"@[127.0.0.1]", "x@[127.0.0.1]", "x@127.0.0.1")) {
            assertThat(mvc.put().uri("/api/v1/users/" + user.get("id").asString()).header(HttpHeaders.AUTHORIZATION, admin)
                    .contentType(MediaType.APPLICATION_JSON).content("""
                            {"displayName":"Literal","email":"%s","orgUnitId":"%s","roles":["SALES_REP"],"version":%d}"""
                            .formatted(email, fixtures.rootUnit(), user.get("version").asLong())))
                    .as(email).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyJson().satisfies(json -> {
                        json.assertThat().extractingPath("$.errors[0].field").isEqualTo("email");
                        json.assertThat().extractingPath("$.errors[0].code").isEqualTo("user.email.invalid");
                    });
        }
        assertThat(jdbc.sql("select email from platform_user where id = :id")
                .param("id", java.util.UUID.fromString(user.get("id").asString())).query(String.class).single())
                .as("kept").isEqualTo("literal.mail@example.test");
    }

    @Test
    void anUpdateKeepsTheEmailAndHireDateItLeavesOutAndAnEmptyEmailClearsIt() {
        JsonNode user = createUser("kept.fields", fixtures.rootUnit().toString());
        String id = user.get("id").asString();
        jdbc.sql("update platform_user set email = 'kept@example.com', hire_date = date '2020-03-01' where id = :id")
                .param("id", java.util.UUID.fromString(id)).update();
        long version = fixtures.json(mvc.get().uri("/api/v1/users/" + id).header(HttpHeaders.AUTHORIZATION, admin))
                .get("version").asLong();
        assertThat(mvc.put().uri("/api/v1/users/" + id).header(HttpHeaders.AUTHORIZATION, admin)
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"displayName":"Renamed","orgUnitId":"%s","roles":["SALES_REP"],"version":%d}"""
                        .formatted(fixtures.rootUnit(), version))).hasStatusOk();
        assertThat(jdbc.sql("select display_name || ' ' || email || ' ' || hire_date from platform_user where id = :id")
                .param("id", java.util.UUID.fromString(id)).query(String.class).single())
                .isEqualTo("Renamed kept@example.com 2020-03-01");

        assertThat(mvc.put().uri("/api/v1/users/" + id).header(HttpHeaders.AUTHORIZATION, admin)
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"displayName":"Renamed","email":"","orgUnitId":"%s","roles":["SALES_REP"],"version":%d}"""
                        .formatted(fixtures.rootUnit(), version + 1))).hasStatusOk();
        assertThat(jdbc.sql("select email from platform_user where id = :id").param("id", java.util.UUID.fromString(id))
                .query(String.class).optional().orElse(null)).as("cleared when sent empty").isNull();
    }

    @Test
    void usersListFiltersByUnitSubtreeAndPagesWithACursor() {
        String east = fixtures.unit("East").toString();
        String team = fixtures.unit("East team", java.util.UUID.fromString(east)).toString();
        for (int i = 0; i < 5; i++) {
            createUser("east.u" + i, team);
        }
        createUser("west.u", fixtures.rootUnit().toString());
        JsonNode first = fixtures.json(mvc.get().uri("/api/v1/users?orgUnitId=" + east + "&size=3")
                .header(HttpHeaders.AUTHORIZATION, admin));
        assertThat(first.get("items")).hasSize(3);
        JsonNode second = fixtures.json(mvc.get().uri("/api/v1/users?orgUnitId=" + east + "&size=3&cursor="
                + first.get("nextCursor").asString()).header(HttpHeaders.AUTHORIZATION, admin));
        assertThat(second.get("items")).hasSize(2);
        assertThat(second.get("nextCursor").isNull()).isTrue();
        assertThat(second.get("items").get(1).get("username").asString()).isEqualTo("east.u4");
    }

    /** As the users API keeps what a client leaves out: a rename that does not mention the head keeps it. */
    @Test
    void aRenameThatLeavesTheHeadOutKeepsItAndAHeadSentAsNullIsRemoved() {
        var unit = fixtures.unit("Kept head team");
        var head = fixtures.user("kept.head", unit, java.time.LocalDate.of(2024, 1, 1), Role.SALES_MANAGER);
        fixtures.appointManager(unit, head.id());
        long version = fixtures.json(mvc.get().uri("/api/v1/org-units/{id}", unit)
                .header(HttpHeaders.AUTHORIZATION, admin)).get("version").asLong();

        assertThat(mvc.put().uri("/api/v1/org-units/{id}", unit).header(HttpHeaders.AUTHORIZATION, admin)
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"name":"Kept head team","version":%d}""".formatted(version)))
                .hasStatusOk().bodyJson().extractingPath("$.managerId").isEqualTo(head.id().toString());
        assertThat(directory.managerOf(fixtures.user("kept.rep", unit, java.time.LocalDate.of(2024, 1, 1), Role.SALES_REP).id()))
                .map(OrgDirectory.Person::username).contains("kept.head");

        assertThat(mvc.put().uri("/api/v1/org-units/{id}", unit).header(HttpHeaders.AUTHORIZATION, admin)
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"name":"Kept head team renamed","managerId":null,"version":%d}""".formatted(
                        fixtures.json(mvc.get().uri("/api/v1/org-units/{id}", unit)
                                .header(HttpHeaders.AUTHORIZATION, admin)).get("version").asLong())))
                .hasStatusOk().bodyJson().extractingPath("$.managerId").isNull();
        assertThat(jdbc.sql("select manager_id is null from platform_org_unit where id = :id").param("id", unit)
                .query(Boolean.class).single()).as("removed when sent as null").isTrue();
    }

    @Test
    void orgUnitsFormATreeAndTheManagerIsFoundUpTheTree() {
        String region = fixtures.unit("Region").toString();
        var regionId = java.util.UUID.fromString(region);
        var teamId = fixtures.unit("Team", regionId);
        var manager = fixtures.user("region.boss", regionId, java.time.LocalDate.of(2024, 1, 1), Role.REGIONAL_MANAGER);
        var rep = fixtures.user("team.rep", teamId, java.time.LocalDate.of(2024, 1, 1), Role.SALES_REP);
        fixtures.appointManager(regionId, manager.id());
        assertThat(directory.managerOf(rep.id())).map(OrgDirectory.Person::username).contains("region.boss");
        assertThat(directory.managerOf(manager.id())).isEmpty();
        // several people at once answer as each would alone
        var teamBoss = fixtures.user("team.boss", teamId, java.time.LocalDate.of(2024, 1, 1), Role.SALES_MANAGER);
        fixtures.appointManager(teamId, teamBoss.id());
        var managers = directory.managersOf(java.util.List.of(rep.id(), teamBoss.id(), manager.id()));
        assertThat(managers.get(rep.id()).username()).isEqualTo("team.boss");
        assertThat(managers.get(teamBoss.id()).username()).isEqualTo("region.boss");
        assertThat(managers).doesNotContainKey(manager.id());
        assertThat(directory.managerOf(rep.id())).map(OrgDirectory.Person::username).contains("team.boss");
        assertThat(orgUnits(200).stream().map(u -> u.get("name").asString())).contains("Region", "Team");
    }

    /** SPEC §6: the org tree is a list like any other, {items, nextCursor}, a page at a time in tree order. */
    @Test
    void orgUnitsPageWithACursorInTreeOrderAndAForgedCursorIsA400() {
        var region = fixtures.unit("Paged region");
        var teamA = fixtures.unit("Paged team A", region);
        fixtures.unit("Paged team B", region);
        fixtures.unit("Paged squad", teamA);

        JsonNode first = fixtures.json(mvc.get().uri("/api/v1/org-units?size=2").header(HttpHeaders.AUTHORIZATION, admin));
        assertThat(first.get("items")).hasSize(2);
        assertThat(first.get("items").get(0).get("parentId").isNull()).as("the root comes first").isTrue();
        JsonNode second = fixtures.json(mvc.get().uri("/api/v1/org-units?size=2&cursor={c}",
                first.get("nextCursor").asString()).header(HttpHeaders.AUTHORIZATION, admin));
        assertThat(second.get("items").valueStream().map(u -> u.get("id").asString()))
                .as("the second page goes on after the first").isNotEmpty()
                .doesNotContainAnyElementsOf(first.get("items").valueStream().map(u -> u.get("id").asString()).toList());

        List<JsonNode> walked = orgUnits(2);
        List<String> ids = walked.stream().map(u -> u.get("id").asString()).toList();
        assertThat(ids).as("every unit once").doesNotHaveDuplicates()
                .hasSize(jdbc.sql("select count(*) from platform_org_unit").query(Integer.class).single())
                .isEqualTo(orgUnits(200).stream().map(u -> u.get("id").asString()).toList());
        assertThat(walked).as("a parent before its children").allSatisfy(u -> {
            if (!u.get("parentId").isNull()) {
                assertThat(ids.indexOf(u.get("parentId").asString())).isLessThan(ids.indexOf(u.get("id").asString()));
            }
        });
        assertThat(ids).contains(region.toString(), teamA.toString());

        String noSuchUnit = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                java.util.UUID.randomUUID().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        for (String forged : new String[] {"not-a-cursor", "eA", noSuchUnit}) {
            assertThat(mvc.get().uri("/api/v1/org-units?cursor={c}", forged).header(HttpHeaders.AUTHORIZATION, admin))
                    .as(forged).hasStatus(HttpStatus.BAD_REQUEST)
                    .bodyJson().extractingPath("$.errors[0].field").isEqualTo("cursor");
        }
    }

    /** Every org unit, walked a page of {@code size} at a time. */
    private List<JsonNode> orgUnits(int size) {
        List<JsonNode> units = new java.util.ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = fixtures.json((cursor == null ? mvc.get().uri("/api/v1/org-units?size={s}", size)
                    : mvc.get().uri("/api/v1/org-units?size={s}&cursor={c}", size, cursor))
                    .header(HttpHeaders.AUTHORIZATION, admin));
            page.get("items").forEach(units::add);
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
        } while (cursor != null);
        return units;
    }

    @Test
    void theAdministratorMadeOnFirstStartIsGreetedByAChineseName() {
        JsonNode me = fixtures.json(mvc.get().uri("/api/v1/me").header(HttpHeaders.AUTHORIZATION, admin));
        assertThat(me.get("username").asString()).isEqualTo("admin");
        // walk finding: the Chinese screens said "您好，Administrator"
        assertThat(me.get("displayName").asString()).isEqualTo("系统管理员");
    }

    @Test
    void theLastActiveAdministratorCanNeitherBeDeactivatedNorLoseTheRole() {
        jdbc.sql("""
                update platform_user set active = false where username <> 'admin' and id in
                    (select platform_user from platform_user_role where role = 'ADMIN')""").update();
        JsonNode me = fixtures.json(mvc.get().uri("/api/v1/me").header(HttpHeaders.AUTHORIZATION, admin));
        String id = me.get("id").asString();
        String body = """
                {"displayName":"Administrator","orgUnitId":"%s","roles":%s,"active":%s,"version":%d}
                """;
        long version = fixtures.json(mvc.get().uri("/api/v1/users/" + id).header(HttpHeaders.AUTHORIZATION, admin))
                .get("version").asLong();

        assertThat(mvc.put().uri("/api/v1/users/" + id).header(HttpHeaders.AUTHORIZATION, admin)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body.formatted(fixtures.rootUnit(), "[\"ADMIN\"]", false, version)))
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
                .bodyJson().extractingPath("$.code").isEqualTo("user.lastAdministrator");
        assertThat(mvc.put().uri("/api/v1/users/" + id).header(HttpHeaders.AUTHORIZATION, admin)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body.formatted(fixtures.rootUnit(), "[\"SALES_REP\"]", true, version)))
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
                .bodyJson().extractingPath("$.code").isEqualTo("user.lastAdministrator");
        assertThat(mvc.get().uri("/api/v1/me").header(HttpHeaders.AUTHORIZATION, admin))
                .as("still signed in, still an administrator").hasStatusOk()
                .bodyJson().extractingPath("$.roles").asArray().containsExactly("ADMIN");
        assertThat(jdbc.sql("select version from platform_user where id = :id").param("id", java.util.UUID.fromString(id))
                .query(Long.class).single()).as("nothing half-written").isEqualTo(version);

        JsonNode second = createUser("second.admin", fixtures.rootUnit().toString());
        String secondId = second.get("id").asString();
        assertThat(mvc.put().uri("/api/v1/users/" + secondId).header(HttpHeaders.AUTHORIZATION, admin)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body.formatted(fixtures.rootUnit(), "[\"ADMIN\"]", true, 0))).hasStatusOk();
        assertThat(mvc.put().uri("/api/v1/users/" + secondId).header(HttpHeaders.AUTHORIZATION, admin)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body.formatted(fixtures.rootUnit(), "[\"ADMIN\"]", false, 1)))
                .as("another administrator remains").hasStatusOk()
                .bodyJson().extractingPath("$.active").isEqualTo(false);
    }

    @Autowired OrgDirectory directory;
}
