package com.lead2cash.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.lead2cash.platform.internal.identity.IdentityService;
import com.lead2cash.platform.internal.identity.User;
import com.lead2cash.testing.Fixtures;
import com.lead2cash.testing.IntegrationTest;
import com.lead2cash.testing.LeadTestSupport;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class AuditTrailTest {

    @Autowired Fixtures fixtures;
    @Autowired IdentityService identity;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvcTester mvc;
    @Autowired LeadTestSupport leads;
    @Autowired com.lead2cash.testing.CustomerTestSupport customers;
    @Autowired com.lead2cash.lead.internal.routing.TerritoryService territories;

    record Entry(String action, String field, String oldValue, String newValue, String actorName) {
    }

    private List<Entry> entries(User user) {
        return jdbc.sql("""
                select action, field, old_value, new_value, actor_name from platform_audit_event
                where entity_type = 'User' and entity_id = :id order by id
                """).param("id", user.id().toString()).query(Entry.class).list();
    }

    @Test
    void anUpdateRecordsOneEntryPerChangedFieldWithOldAndNewValue() {
        User user = fixtures.user("audited", fixtures.rootUnit(), LocalDate.of(2023, 3, 1), Role.SALES_REP);
        int afterCreate = entries(user).size();

        identity.updateUser(user.id(), new IdentityService.UserForm(null, "New Name", "audited@example.test", null,
                user.orgUnitId(), Set.of(Role.SALES_REP, Role.ACCOUNT_MANAGER), LocalDate.of(2023, 4, 1)), 0L);

        List<Entry> changes = entries(user).subList(afterCreate, entries(user).size());
        assertThat(changes).extracting(Entry::action).containsOnly("UPDATE");
        assertThat(changes).extracting(Entry::field, Entry::oldValue, Entry::newValue).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("displayName", "audited Name", "New Name"),
                org.assertj.core.groups.Tuple.tuple("hireDate", "2023-03-01", "2023-04-01"),
                org.assertj.core.groups.Tuple.tuple("roles", "[SALES_REP]", "[ACCOUNT_MANAGER, SALES_REP]"));
    }

    @Test
    void aCreationIsRecordedAndSecretsNeverAre() {
        User user = fixtures.user("created", fixtures.rootUnit(), null, Role.FINANCE);
        List<Entry> created = entries(user);
        assertThat(created).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo("CREATE");
            assertThat(e.newValue()).contains("\"username\":\"created\"", "\"roles\":\"[FINANCE]\"")
                    .doesNotContain("passwordHash");
        });
    }

    @Test
    void theActorIsTheSignedInUser() {
        User user = fixtures.user("target", fixtures.rootUnit(), java.time.LocalDate.of(2024, 1, 1), Role.SALES_REP);
        User actor = fixtures.user("actor", fixtures.rootUnit(), null, Role.ADMIN);
        var principal = new CurrentUser(actor.id(), "actor", "Actor", actor.orgUnitId(), Set.of(Role.ADMIN));
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated((CurrentUser.HasCurrentUser) () -> principal, null, List.of()));
        try {
            identity.setActive(user.id(), false, 0L);
        } finally {
            SecurityContextHolder.clearContext();
        }
        assertThat(entries(user)).filteredOn(e -> "active".equals(e.field()))
                .singleElement().extracting(Entry::actorName, Entry::oldValue, Entry::newValue)
                .containsExactly("actor", "true", "false");
    }

    @Test
    void historyCannotBeChangedOrDeleted() {
        fixtures.user("someone", fixtures.rootUnit(), java.time.LocalDate.of(2024, 1, 1), Role.SALES_REP);
        assertThatThrownBy(() -> jdbc.sql("update platform_audit_event set actor_name = 'x'").update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from platform_audit_event").update())
                .hasMessageContaining("append-only");
    }

    @Test
    void theAuditApiFiltersByRecordForAdministrators() {
        User user = fixtures.user("api.audited", fixtures.rootUnit(), java.time.LocalDate.of(2024, 1, 1), Role.SALES_REP);
        String admin = "Bearer " + fixtures.token(mvc, "admin");
        assertThat(mvc.get().uri("/api/v1/audit?entityType=User&entityId=" + user.id())
                .header(HttpHeaders.AUTHORIZATION, admin)).hasStatusOk()
                .bodyJson().extractingPath("$.items[*].entityId").asArray().isNotEmpty()
                .allMatch(id -> id.equals(user.id().toString()));
    }

    @Test
    void theAuditScreenNamesEveryActionEvenOnesItHasNoTextFor() throws Exception {
        String admin = "Bearer " + fixtures.token(mvc, "admin");
        mvc.post().uri("/api/v1/policy").header(HttpHeaders.AUTHORIZATION, admin)
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .content("{\"reason\":\"审计测试\",\"changes\":[{\"rule\":\"L1\",\"parameter\":\"window\",\"value\":\"40m business\"}]}")
                .exchange();
        var session = fixtures.session(mvc, "admin", Fixtures.ADMIN_PASSWORD);
        String html = mvc.get().uri("/admin/audit?lang=zh-CN").cookie(session).exchange().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(html).contains("修改SOP规则").doesNotContain("??");
    }

    @Test
    void theAuditScreenSaysRecordTypesCodesKeysAndMomentsInTheReadersWordsWhileTheTrailKeepsThemAsWritten() throws Exception {
        String id = java.util.UUID.randomUUID().toString();
        String created = "{companyName=审计公司, source=WEBSITE_FORM, sourcedAt=2026-12-06T14:06:32.180532Z, status=NEW}";
        String insert = """
                insert into platform_audit_event (occurred_at, actor_name, action, entity_type, entity_id, field,
                                                  old_value, new_value, detail)
                values (now(), 'admin', :action, :type, :id, :field, :old, :new, :detail)""";
        jdbc.sql(insert).param("action", "CREATE").param("type", "Lead").param("id", id).param("field", null)
                .param("old", null).param("new", created).param("detail", null).update();
        jdbc.sql(insert).param("action", "UPDATE").param("type", "Receipt").param("id", id).param("field", "method")
                .param("old", "CASH").param("new", "BANK_TRANSFER").param("detail", null).update();
        jdbc.sql(insert).param("action", "NOTICE").param("type", "Lead").param("id", id).param("field", null)
                .param("old", null).param("new", null).param("detail", "lead.status.NEW").update();
        var session = fixtures.session(mvc, "admin", Fixtures.ADMIN_PASSWORD);

        String html = mvc.get().uri("/admin/audit?lang=zh-CN&entityId=" + id).cookie(session).exchange().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);

        assertThat(html).contains("线索", "收款", "source=官网表单", "sourcedAt=2026-12-06 22:06", "status=新线索",
                "companyName=审计公司", "银行转账", "现金", "<td>新线索</td>")
                .doesNotContain(">Lead<", "WEBSITE_FORM", "BANK_TRANSFER", "14:06:32", "lead.status.NEW");
        // the trail itself keeps what was written
        assertThat(jdbc.sql("select new_value from platform_audit_event where entity_id = :id and action = 'CREATE'")
                .param("id", id).query(String.class).single()).isEqualTo(created);
    }

    @Test
    void theAuditScreenSaysADetailWithArgumentsAndAFieldByItsLabelWhileOldTextStaysAsWritten() throws Exception {
        String id = java.util.UUID.randomUUID().toString();
        String insert = """
                insert into platform_audit_event (occurred_at, actor_name, action, entity_type, entity_id, field,
                                                  old_value, new_value, detail)
                values (now(), 'admin', :action, 'Receivable', :id, :field, :old, :new, :detail)""";
        jdbc.sql(insert).param("action", "EXPORT").param("id", id).param("field", null).param("old", null)
                .param("new", null).param("detail", "receivable.audit.agingExported\n7").update();
        jdbc.sql(insert).param("action", "EXPORT").param("id", id).param("field", null).param("old", null)
                .param("new", null).param("detail", "3 overdue plans (aging report)").update();
        jdbc.sql(insert).param("action", "UPDATE").param("id", id).param("field", "dueDate").param("old", null)
                .param("new", "2026-12-14").param("detail", null).update();
        jdbc.sql(insert).param("action", "UPDATE").param("id", id).param("field", "updatedAt")
                .param("old", "2026-12-06T14:06:32Z").param("new", "2026-12-07T14:06:32Z").param("detail", null).update();
        jdbc.sql(insert).param("action", "UPDATE").param("id", id).param("field", "formerField").param("old", "0")
                .param("new", "1").param("detail", null).update();
        var session = fixtures.session(mvc, "admin", Fixtures.ADMIN_PASSWORD);

        String html = mvc.get().uri("/admin/audit?lang=zh-CN&entityId=" + id).cookie(session).exchange().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);

        assertThat(html).contains("账龄报表：7 个逾期回款计划", "<td>到期日</td>", "<td>最后修改时间</td>",
                        "3 overdue plans (aging report)", "<td>formerField</td>")
                .doesNotContain("receivable.audit.agingExported", ">dueDate<", ">updatedAt<");
    }

    @Test
    void theAuditScreenSaysExportsAndImportsInTheReadersLanguageTheirKeyArgumentsTooWhileOldEnglishStaysAsWritten()
            throws Exception {
        String id = java.util.UUID.randomUUID().toString();
        String insert = """
                insert into platform_audit_event (occurred_at, actor_name, action, entity_type, entity_id, detail)
                values (now(), 'admin', :action, :type, :id, :detail)""";
        // as LeadExport, CustomerExport, ProductService and CalendarService write them: a key, one argument a line
        for (String[] row : new String[][] {
                {"EXPORT", "Lead", "lead.audit.exported\n12\nlead.view.mine\nA\nlead.status.NEW\naudit.detail.noSearch"},
                {"EXPORT", "Customer", "customer.audit.exported\n220\ncustomer.view.pool\ncustomer.filter.anyGrade\n"
                        + "customer.status.PROSPECT\ncustomer.bucket.NEW\n西区"},
                {"IMPORT", "Product", "catalog.audit.imported\n3\n5"},
                {"calendar.imported", "WorkingCalendar", "calendar.audit.imported\n2\n1"},
                // written before they were keys: read as written
                {"EXPORT", "Lead", "4 leads, view=null, grade=B, status=null, q=null"},
                {"IMPORT", "Product", "created 1, updated 0"},
                {"calendar.imported", "WorkingCalendar", "9 holidays, 6 workdays"}}) {
            jdbc.sql(insert).param("action", row[0]).param("type", row[1]).param("id", id).param("detail", row[2]).update();
        }
        var session = fixtures.session(mvc, "admin", Fixtures.ADMIN_PASSWORD);
        String zh = mvc.get().uri("/admin/audit?lang=zh-CN&entityId=" + id).cookie(session).exchange().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        String en = mvc.get().uri("/admin/audit?lang=en&entityId=" + id).cookie(session).exchange().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);

        String[] old = {"4 leads, view=null, grade=B, status=null, q=null", "created 1, updated 0", "9 holidays, 6 workdays"};
        assertThat(zh).contains("导出 12 条线索（视图：我的；等级：A；状态：新线索；搜索：无）",
                        "导出 220 个客户（视图：公海；等级：全部等级；状态：潜在；分类：新客户；搜索：西区）",
                        "新建 3 个产品，更新 5 个产品", "导入 2 个节假日、1 个调休上班日")
                .contains(old).doesNotContain("audit.exported", "audit.imported", "lead.view", "customer.status");
        assertThat(en).contains("12 leads exported (view: Mine; grade: A; status: New; search: none)",
                        "220 customers exported (view: Public pool; grade: Any grade; status: Prospect; bucket: New customers; "
                                + "search: 西区)",
                        "3 products created, 5 updated", "2 holidays and 1 make-up working days imported")
                .contains(old).doesNotContain("audit.exported", "audit.imported", "lead.view", "customer.status");
    }

    @Test
    void theApiSaysADetailWithArgumentsInTheReadersLanguageAndSignInRefusalsWrittenInEnglishReadTooOnTheScreen()
            throws Exception {
        String id = java.util.UUID.randomUUID().toString();
        jdbc.sql("""
                insert into platform_audit_event (occurred_at, actor_name, action, entity_type, entity_id, detail)
                values (now(), 'admin', 'IMPORT', 'Product', :id, :detail)""")
                .param("id", id).param("detail", "catalog.audit.imported\n1\n0").update();
        String bearer = "Bearer " + fixtures.token(mvc, "admin");
        assertThat(mvc.get().uri("/api/v1/audit?entityId=" + id).header(HttpHeaders.AUTHORIZATION, bearer)
                .header(HttpHeaders.ACCEPT_LANGUAGE, "en")).hasStatusOk()
                .bodyJson().extractingPath("$.items[0].detail").isEqualTo("1 products created, 0 updated");
        assertThat(mvc.get().uri("/api/v1/audit?entityId=" + id).header(HttpHeaders.AUTHORIZATION, bearer)
                .header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN")).hasStatusOk()
                .bodyJson().extractingPath("$.items[0].detail").isEqualTo("新建 1 个产品，更新 0 个产品");

        // a refused sign-in recorded before its reason was a key, and one recorded since
        String actor = "audit.words." + java.util.UUID.randomUUID().toString().substring(0, 8);
        String refused = """
                insert into platform_audit_event (occurred_at, actor_name, action, detail)
                values (now(), :actor, 'LOGIN_FAILED', :detail)""";
        jdbc.sql(refused).param("actor", actor).param("detail", "account deactivated").update();
        jdbc.sql(refused).param("actor", actor).param("detail", "audit.detail.badCredentials").update();
        var session = fixtures.session(mvc, "admin", Fixtures.ADMIN_PASSWORD);
        String zh = mvc.get().uri("/admin/audit?lang=zh-CN&actor=" + actor).cookie(session).exchange().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(zh).contains("账户已停用", "用户名或密码错误")
                .doesNotContain("account deactivated", "audit.detail.badCredentials");
        assertThat(mvc.get().uri("/api/v1/audit?actor=" + actor).header(HttpHeaders.AUTHORIZATION, bearer)
                .header(HttpHeaders.ACCEPT_LANGUAGE, "en")).hasStatusOk()
                .bodyJson().extractingPath("$.items[*].detail").asArray()
                .containsExactlyInAnyOrder("account deactivated", "bad credentials");
    }

    @Test
    void theAuditScreenNamesARecordByTheNumberPeopleKnowLinkedToItsPageAndOneWithoutANumberByItsId() throws Exception {
        LeadTestSupport.Company co = leads.company(mvc, "audit.names");
        JsonNode lead = leads.postJson(mvc, leads.bearer(mvc, co.marketing().username()), "/api/v1/leads",
                co.gradeALead("审计编号有限公司", "13800007777"));
        String leadId = lead.get("id").asString();
        String code = lead.get("code").asString();
        String calendar = java.util.UUID.randomUUID().toString();
        jdbc.sql("""
                insert into platform_audit_event (occurred_at, actor_name, action, entity_type, entity_id, detail)
                values (now(), 'admin', 'calendar.imported', 'WorkingCalendar', :id, 'calendar.audit.imported\n1\n0')""")
                .param("id", calendar).update();
        var session = fixtures.session(mvc, "admin", Fixtures.ADMIN_PASSWORD);

        String leadRows = mvc.get().uri("/admin/audit?lang=zh-CN&entityType=Lead&entityId=" + leadId).cookie(session)
                .exchange().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(leadRows).contains("href=\"/leads/" + leadId + "\"", ">" + code + " 审计编号有限公司</a>")
                .doesNotContain(">" + leadId + "<");
        // a working calendar has no number people know: the id it is filtered by
        String calendarRows = mvc.get().uri("/admin/audit?lang=zh-CN&entityType=WorkingCalendar&entityId=" + calendar)
                .cookie(session).exchange().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(calendarRows).contains(">" + calendar + "<");
        // the API keeps the id as recorded
        assertThat(mvc.get().uri("/api/v1/audit?entityType=Lead&entityId=" + leadId)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + fixtures.token(mvc, "admin"))).hasStatusOk()
                .bodyJson().extractingPath("$.items[0].entityId").isEqualTo(leadId);
    }

    @Test
    void aUserDeactivationAndTheUsersCreationReadInWordsInBothLanguagesFieldByField() throws Exception {
        User user = fixtures.user("audit.words.deactivated", fixtures.rootUnit(), LocalDate.of(2024, 2, 1), Role.SALES_REP);
        User actor = fixtures.user("audit.words.deactivator", fixtures.rootUnit(), null, Role.ADMIN);
        var principal = new CurrentUser(actor.id(), actor.username(), actor.displayName(), actor.orgUnitId(), Set.of(Role.ADMIN));
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated((CurrentUser.HasCurrentUser) () -> principal, null, List.of()));
        try {
            identity.setActive(user.id(), false, 0L);
        } finally {
            SecurityContextHolder.clearContext();
        }
        var session = fixtures.session(mvc, "admin", Fixtures.ADMIN_PASSWORD);
        for (String[] words : new String[][] {
                {"zh-CN", "<td>启用</td>", ">是<", ">否<", "用户名：audit.words.deactivated", "角色：[销售代表]", "入职日期：2024-02-01",
                        "启用：是"},
                {"en", "<td>Active</td>", ">Yes<", ">No<", "User name: audit.words.deactivated", "Roles: [Sales rep]",
                        "Hire date: 2024-02-01", "Active: Yes"}}) {
            String html = mvc.get().uri("/admin/audit?lang=" + words[0] + "&entityType=User&entityId=" + user.id())
                    .cookie(session).exchange().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
            assertThat(html).as(words[0]).contains(java.util.Arrays.copyOfRange(words, 1, words.length))
                    .doesNotContain(">active<", ">true<", ">false<", "{username=", "&quot;username&quot;");
        }
        // the trail keeps what was written; only the showing changes
        assertThat(entries(user)).filteredOn(e -> "active".equals(e.field())).singleElement()
                .extracting(Entry::oldValue, Entry::newValue).containsExactly("true", "false");
    }

    @Test
    void aValueHoldingAPersonsIdReadsAsTheirNameAnAmountAsThePagesWriteItAndAnOldCreationAsWritten() throws Exception {
        User person = fixtures.user("audit.words.person", fixtures.rootUnit(), null, Role.FINANCE);
        String id = java.util.UUID.randomUUID().toString();
        String unknown = java.util.UUID.randomUUID().toString();
        String oldCreation = "{subjectType=Invoice, steps=[FlowStep[name=finance, mode=PARALLEL, slaRuleId=null, approvers=ROLE:FINANCE]]}";
        String insert = """
                insert into platform_audit_event (occurred_at, actor_name, action, entity_type, entity_id, field,
                                                  old_value, new_value)
                values (now(), 'admin', :action, 'Invoice', :id, :field, :old, :new)""";
        jdbc.sql(insert).param("action", "UPDATE").param("id", id).param("field", "issuedBy").param("old", unknown)
                .param("new", person.id().toString()).update();
        jdbc.sql(insert).param("action", "UPDATE").param("id", id).param("field", "amount").param("old", "1200.00")
                .param("new", "275880.00").update();
        jdbc.sql(insert).param("action", "CREATE").param("id", id).param("field", null).param("old", null)
                .param("new", oldCreation).update();
        var session = fixtures.session(mvc, "admin", Fixtures.ADMIN_PASSWORD);

        String html = mvc.get().uri("/admin/audit?lang=zh-CN&entityId=" + id).cookie(session).exchange().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);

        assertThat(html).contains("<td>开票人</td>", ">" + person.displayName() + "<", ">" + unknown + "<",
                        ">1,200.00<", ">275,880.00<", oldCreation)
                .doesNotContain(">" + person.id() + "<", ">issuedBy<", ">275880.00<");
        // the API answers the values as recorded
        assertThat(mvc.get().uri("/api/v1/audit?entityId=" + id + "&action=UPDATE")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + fixtures.token(mvc, "admin"))).hasStatusOk()
                .bodyJson().extractingPath("$.items[*].newValue").asArray()
                .containsExactlyInAnyOrder(person.id().toString(), "275880.00");
    }

    @Test
    void aCreationsLinesReadLineByLineEachFieldByItsLabelItsAmountsAsThePagesWriteThemInBothLanguages() throws Exception {
        String id = java.util.UUID.randomUUID().toString();
        String creation = """
                {"number":"Q-2026-900001","status":"DRAFT","lines":[\
                {"productCode":"P-100","productName":"审计用泵","unitPrice":"1200.00","quantity":"2.00","discountPercent":"5.00","lineTotal":"2280.00"},\
                {"productCode":"P-200","productName":"审计用阀","unitPrice":"35.50","quantity":"4.00","lineTotal":"142.00"}]}""";
        jdbc.sql("""
                insert into platform_audit_event (occurred_at, actor_name, action, entity_type, entity_id, new_value)
                values (now(), 'admin', 'CREATE', 'Quote', :id, :new)""").param("id", id).param("new", creation).update();
        var session = fixtures.session(mvc, "admin", Fixtures.ADMIN_PASSWORD);

        for (String[] words : new String[][] {
                {"zh-CN", "编号：Q-2026-900001；状态：草稿；明细行：[产品编码：P-100，产品名称：审计用泵，单价：1,200.00，数量：2.00，"
                        + "折扣（%）：5.00，小计：2,280.00] [产品编码：P-200，产品名称：审计用阀，单价：35.50，数量：4.00，小计：142.00]"},
                {"en", "Number: Q-2026-900001; Status: Draft; Lines: [Product code: P-100, Product name: 审计用泵, "
                        + "Unit price: 1,200.00, Quantity: 2.00, Discount (%): 5.00, Line total: 2,280.00] "
                        + "[Product code: P-200, Product name: 审计用阀, Unit price: 35.50, Quantity: 4.00, Line total: 142.00]"}}) {
            String html = mvc.get().uri("/admin/audit?lang=" + words[0] + "&entityId=" + id).cookie(session).exchange()
                    .getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
            assertThat(html).as(words[0]).contains(words[1])
                    .doesNotContain("productCode", "lineTotal", "{productCode=", "&quot;productCode&quot;", ">DRAFT<");
        }
        // the trail keeps what was written
        assertThat(jdbc.sql("select new_value from platform_audit_event where entity_id = :id").param("id", id)
                .query(String.class).single()).isEqualTo(creation);
    }

    @Test
    void aUserAndAnOrgUnitReadByTheirNamesAsTheRecordAndWhereAFieldHoldsTheirIdInBothLanguages() throws Exception {
        String tag = java.util.UUID.randomUUID().toString().substring(0, 8);
        java.util.UUID unit = fixtures.unit("审计部门" + tag);
        java.util.UUID team = fixtures.unit("审计小组" + tag, unit);
        User user = fixtures.user("audit.words.member." + tag, unit, java.time.LocalDate.of(2024, 1, 1), Role.SALES_REP);
        var session = fixtures.session(mvc, "admin", Fixtures.ADMIN_PASSWORD);

        for (String[] words : new String[][] {{"zh-CN", "部门：审计部门" + tag, "上级部门：审计部门" + tag},
                {"en", "Org unit: 审计部门" + tag, "Parent unit: 审计部门" + tag}}) {
            String userRows = mvc.get().uri("/admin/audit?lang=" + words[0] + "&entityType=User&entityId=" + user.id())
                    .cookie(session).exchange().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
            assertThat(userRows).as(words[0]).contains("href=\"/admin/users/" + user.id() + "\"",
                            ">" + user.displayName() + " (" + user.username() + ")</a>", words[1])
                    .doesNotContain(">" + user.id() + "<", unit.toString());
            String teamRows = mvc.get().uri("/admin/audit?lang=" + words[0] + "&entityType=OrgUnit&entityId=" + team)
                    .cookie(session).exchange().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
            assertThat(teamRows).as(words[0]).contains("href=\"/admin/org\"", ">审计小组" + tag + "</a>", words[2])
                    .doesNotContain(">" + team + "<", unit.toString());
        }
        // the API keeps the ids as recorded
        assertThat(mvc.get().uri("/api/v1/audit?entityType=User&entityId=" + user.id())
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + fixtures.token(mvc, "admin"))).hasStatusOk()
                .bodyJson().extractingPath("$.items[0].newValue").asString().contains(unit.toString());
    }

    @Test
    void aFieldHoldingACustomersIdReadsAsTheCustomerTheReaderMayOpenAnUnknownIdAsRecorded() throws Exception {
        var co = customers.company("audit.refs");
        JsonNode customer = customers.customer(mvc, customers.bearer(mvc, co.eastRep()), "审计引用有限公司", "");
        String customerId = customer.get("id").asString();
        String code = customer.get("code").asString();
        String id = java.util.UUID.randomUUID().toString();
        String unknown = java.util.UUID.randomUUID().toString();
        String insert = """
                insert into platform_audit_event (occurred_at, actor_name, action, entity_type, entity_id, field,
                                                  old_value, new_value)
                values (now(), 'admin', :action, 'Quote', :id, :field, :old, :new)""";
        jdbc.sql(insert).param("action", "UPDATE").param("id", id).param("field", "customerId").param("old", unknown)
                .param("new", customerId).update();
        jdbc.sql(insert).param("action", "CREATE").param("id", id).param("field", null).param("old", null)
                .param("new", "{\"number\":\"Q-2026-900002\",\"customerId\":\"" + customerId + "\"}").update();
        var session = fixtures.session(mvc, "admin", Fixtures.ADMIN_PASSWORD);

        for (String[] words : new String[][] {{"zh-CN", "客户：" + code + " 审计引用有限公司"},
                {"en", "Customer: " + code + " 审计引用有限公司"}}) {
            String html = mvc.get().uri("/admin/audit?lang=" + words[0] + "&entityId=" + id).cookie(session).exchange()
                    .getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
            assertThat(html).as(words[0]).contains(">" + code + " 审计引用有限公司<", ">" + unknown + "<", words[1])
                    .doesNotContain(customerId);
        }
        // the API answers the values as recorded
        assertThat(mvc.get().uri("/api/v1/audit?entityId=" + id + "&action=UPDATE")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + fixtures.token(mvc, "admin"))).hasStatusOk()
                .bodyJson().extractingPath("$.items[0].newValue").isEqualTo(customerId);
    }

    private String screen(String query, String lang, jakarta.servlet.http.Cookie session) throws Exception {
        return mvc.get().uri("/admin/audit?lang=" + lang + "&" + query).cookie(session).exchange().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void aRegionsAdministrativeDivisionCodesReadAsTheDivisionsNamesInBothLanguagesWhileTheTrailKeepsTheCodes()
            throws Exception {
        String lead = java.util.UUID.randomUUID().toString();
        String territory = java.util.UUID.randomUUID().toString();
        String insert = """
                insert into platform_audit_event (occurred_at, actor_name, action, entity_type, entity_id, field,
                                                  old_value, new_value)
                values (now(), 'admin', :action, :type, :id, :field, :old, :new)""";
        jdbc.sql(insert).param("action", "UPDATE").param("type", "Lead").param("id", lead).param("field", "regionCode")
                .param("old", "310000").param("new", "330106").update();
        jdbc.sql(insert).param("action", "CREATE").param("type", "Lead").param("id", lead).param("field", null)
                .param("old", null).param("new", "{\"companyName\":\"审计地区公司\",\"regionCode\":\"310000\"}").update();
        jdbc.sql(insert).param("action", "UPDATE").param("type", "SalesTerritory").param("id", territory)
                .param("field", "regions").param("old", "310000").param("new", "310000,330100,杭州某地").update();
        var session = fixtures.session(mvc, "admin", Fixtures.ADMIN_PASSWORD);

        for (String[] words : new String[][] {{"zh-CN", "地区：上海市"}, {"en", "Administrative division: 上海市"}}) {
            String leadRows = screen("entityId=" + lead, words[0], session);
            assertThat(leadRows).as(words[0]).contains(">上海市<", ">浙江省杭州市西湖区<", words[1])
                    .doesNotContain("310000", "330106");
            String territoryRows = screen("entityId=" + territory, words[0], session);
            assertThat(territoryRows).as(words[0]).contains(">上海市<", ">上海市,浙江省杭州市,杭州某地<")
                    .doesNotContain("310000", "330100");
        }
        // the trail keeps the codes as recorded
        assertThat(mvc.get().uri("/api/v1/audit?entityId=" + territory)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + fixtures.token(mvc, "admin"))).hasStatusOk()
                .bodyJson().extractingPath("$.items[0].newValue").isEqualTo("310000,330100,杭州某地");
    }

    @Test
    void workTheProductDoesItselfReadsAsTheSystemInBothLanguagesWhileTheTrailKeepsWhatWasWritten() throws Exception {
        String id = java.util.UUID.randomUUID().toString();
        // a sweep, a scheduled job, a lead from the public web-to-lead endpoint: no one signed in
        jdbc.sql("""
                insert into platform_audit_event (occurred_at, actor_name, action, entity_type, entity_id, field,
                                                  old_value, new_value)
                values (now(), 'system', 'UPDATE', 'Lead', :id, 'status', 'NEW', 'ASSIGNED')""").param("id", id).update();
        var session = fixtures.session(mvc, "admin", Fixtures.ADMIN_PASSWORD);

        assertThat(screen("entityId=" + id, "zh-CN", session)).contains("<td>系统</td>").doesNotContain("<td>system</td>");
        assertThat(screen("entityId=" + id, "en", session)).contains("<td>System</td>").doesNotContain("<td>system</td>");
        assertThat(mvc.get().uri("/api/v1/audit?entityId=" + id)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + fixtures.token(mvc, "admin"))).hasStatusOk()
                .bodyJson().extractingPath("$.items[0].actorName").isEqualTo("system");
    }

    @Test
    void theCataloguesExportAndTheCalendarsEventsReadInTheReadersWordsInBothLanguagesOldOnesToo() throws Exception {
        String admin = "Bearer " + fixtures.token(mvc, "admin");
        assertThat(mvc.get().uri("/api/v1/products/export").header(HttpHeaders.AUTHORIZATION, admin)).hasStatusOk();
        assertThat(jdbc.sql("""
                select detail from platform_audit_event where action = 'EXPORT' and entity_type = 'Product'
                order by id desc limit 1""").query(String.class).single()).isEqualTo("catalog.audit.exported");
        String day = java.util.UUID.randomUUID().toString();
        String insert = """
                insert into platform_audit_event (occurred_at, actor_name, action, entity_type, entity_id, detail)
                values (now(), 'admin', :action, 'WorkingCalendar', :id, :detail)""";
        // as CalendarService writes them now, and a day set as it was written before
        for (String[] row : new String[][] {
                {"calendar.settings", "calendar.audit.settings\nAsia/Shanghai\n09:00\n18:00\n"
                        + "calendar.weekday.MONDAY, calendar.weekday.TUESDAY"},
                {"calendar.exception.added", "calendar.kind.HOLIDAY"},
                {"calendar.exception.added", "WORKDAY"}}) {
            jdbc.sql(insert).param("action", row[0]).param("id", day).param("detail", row[1]).update();
        }
        // the catalogue's export as it was written before
        jdbc.sql("""
                insert into platform_audit_event (occurred_at, actor_name, action, entity_type, entity_id, detail)
                values (now(), 'admin', 'EXPORT', 'Product', 'catalogue', 'xlsx')""").update();
        var session = fixtures.session(mvc, "admin", Fixtures.ADMIN_PASSWORD);

        for (String[] words : new String[][] {
                {"zh-CN", ">产品目录<", ">导出产品目录（Excel）<", "时区 Asia/Shanghai，工作时间 09:00–18:00，工作日：周一，周二",
                        ">节假日<", ">调休上班日<"},
                {"en", ">Product catalogue<", ">Product catalogue exported (Excel)<",
                        "Time zone Asia/Shanghai, working hours 09:00–18:00, working days: Mon, Tue", ">Holiday<",
                        ">Make-up working day<"}}) {
            String catalogue = screen("entityType=Product&entityId=catalogue&action=EXPORT", words[0], session);
            assertThat(catalogue).as(words[0]).contains(words[1], words[2])
                    .doesNotContain(">xlsx<", ">catalogue<", "catalog.audit.exported");
            String calendar = screen("entityId=" + day, words[0], session);
            assertThat(calendar).as(words[0]).contains(java.util.Arrays.copyOfRange(words, 3, words.length))
                    .doesNotContain("calendar.audit.settings", "calendar.weekday", "calendar.kind", ">WORKDAY<");
        }
    }

    @Test
    void anApprovalsCreationNamesItsKindItsApproversAndItsFactsAsTheApprovalPageDoesInBothLanguages() throws Exception {
        User person = fixtures.user("audit.words.ruleApprover", fixtures.rootUnit(), null, Role.FINANCE);
        String id = java.util.UUID.randomUUID().toString();
        // as a creation records an approval: its kind of record, its steps' approver rules, its facts by name
        jdbc.sql("""
                insert into platform_audit_event (occurred_at, actor_name, action, entity_type, entity_id, field,
                                                  old_value, new_value)
                values (now(), 'admin', 'CREATE', 'Approval', :id, null, null, :new)""").param("id", id)
                .param("new", "{\"subjectType\":\"CustomerCredit\",\"steps\":[{\"name\":\"finance\","
                        + "\"mode\":\"SEQUENTIAL\",\"slaRuleId\":null,\"approvers\":\"ROLE:FINANCE,USER:" + person.id()
                        + "\"}],\"facts\":[{\"name\":\"creditRating\",\"value\":\"A\"},"
                        + "{\"name\":\"requestedLimit\",\"value\":\"500000.00\"}]}").update();
        var session = fixtures.session(mvc, "admin", Fixtures.ADMIN_PASSWORD);

        for (String[] words : new String[][] {
                {"zh-CN", "审批对象类型：信用额度", "审批人：任一财务," + person.displayName(), "[信用等级：A]",
                        "[申请信用额度（元）：500,000.00]"},
                {"en", "Subject type: Credit limit", "Approvers: Any Finance," + person.displayName(),
                        "[Credit rating: A]", "[Requested credit limit (CNY): 500,000.00]"}}) {
            assertThat(screen("entityId=" + id, words[0], session)).as(words[0])
                    .contains(java.util.Arrays.copyOfRange(words, 1, words.length))
                    .doesNotContain("CustomerCredit", "ROLE:", "USER:", "creditRating", "requestedLimit",
                            person.id().toString());
        }
        // the trail keeps the creation as recorded
        assertThat(mvc.get().uri("/api/v1/audit?entityId=" + id)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + fixtures.token(mvc, "admin"))).hasStatusOk()
                .bodyJson().extractingPath("$.items[0].newValue").asString()
                .contains("CustomerCredit", "ROLE:FINANCE", "creditRating");
    }

    @Test
    void aConfirmationsKindOfRecordReadsByTheRecordTypesLabelUnderItsOwnWordNotAnApprovalsInBothLanguages()
            throws Exception {
        String complaint = java.util.UUID.randomUUID().toString();
        String acceptance = java.util.UUID.randomUUID().toString();
        String insert = """
                insert into platform_audit_event (occurred_at, actor_name, action, entity_type, entity_id, new_value)
                values (now(), 'admin', 'CREATE', 'Confirmation', :id, :new)""";
        // as a confirmation's creation records what it asks the contact about
        jdbc.sql(insert).param("id", complaint).param("new", "{\"subjectType\":\"Complaint\"}").update();
        jdbc.sql(insert).param("id", acceptance).param("new", "{\"subjectType\":\"OrderAcceptance\"}").update();
        var session = fixtures.session(mvc, "admin", Fixtures.ADMIN_PASSWORD);

        for (String[] words : new String[][] {
                {"zh-CN", "对象类型：投诉", "对象类型：订单验收"},
                {"en", "Subject type: Complaint", "Subject type: Order acceptance"}}) {
            assertThat(screen("entityId=" + complaint, words[0], session)).as(words[0]).contains(words[1])
                    .doesNotContain("审批对象类型");
            assertThat(screen("entityId=" + acceptance, words[0], session)).as(words[0]).contains(words[2])
                    .doesNotContain("OrderAcceptance");
        }
    }

    @Test
    void aConfirmationsRecordReadsUnderThePlainWordSubjectAnApprovalsUnderItsOwnInBothLanguages() throws Exception {
        String confirmation = java.util.UUID.randomUUID().toString();
        String approval = java.util.UUID.randomUUID().toString();
        String subject = java.util.UUID.randomUUID().toString();
        String insert = """
                insert into platform_audit_event (occurred_at, actor_name, action, entity_type, entity_id, new_value)
                values (now(), 'admin', 'CREATE', :type, :id, :new)""";
        jdbc.sql(insert).param("type", "Confirmation").param("id", confirmation)
                .param("new", "{\"subjectType\":\"Complaint\",\"subjectId\":\"" + subject + "\"}").update();
        jdbc.sql(insert).param("type", "Approval").param("id", approval)
                .param("new", "{\"subjectType\":\"Contract\",\"subjectId\":\"" + subject + "\"}").update();
        var session = fixtures.session(mvc, "admin", Fixtures.ADMIN_PASSWORD);

        assertThat(screen("entityId=" + confirmation, "zh-CN", session)).contains("；对象：" + subject)
                .doesNotContain("审批对象");
        assertThat(screen("entityId=" + approval, "zh-CN", session)).contains("审批对象：" + subject);
        assertThat(screen("entityId=" + confirmation, "en", session)).contains("Subject: " + subject);
        assertThat(screen("entityId=" + approval, "en", session)).contains("Subject: " + subject);
    }

    @Test
    void anApprovalsStepsReadByTheNamesTheApprovalPageGivesThemInBothLanguages() throws Exception {
        String id = java.util.UUID.randomUUID().toString();
        // as a contract's review records its steps, named by codes its module labels
        jdbc.sql("""
                insert into platform_audit_event (occurred_at, actor_name, action, entity_type, entity_id, new_value)
                values (now(), 'admin', 'CREATE', 'Approval', :id, :new)""").param("id", id)
                .param("new", "{\"subjectType\":\"Contract\",\"steps\":[{\"name\":\"CONTRACT_REVIEW\","
                        + "\"mode\":\"PARALLEL\",\"slaRuleId\":null,\"approvers\":\"ROLE:LEGAL\"},"
                        + "{\"name\":\"MANAGER\",\"mode\":\"PARALLEL\",\"slaRuleId\":null,\"approvers\":\"MANAGER:1\"},"
                        + "{\"name\":\"FINAL_APPROVAL\",\"mode\":\"PARALLEL\",\"slaRuleId\":null,"
                        + "\"approvers\":\"MANAGER:2\"}]}").update();
        var session = fixtures.session(mvc, "admin", Fixtures.ADMIN_PASSWORD);

        for (String[] words : new String[][] {
                {"zh-CN", "[名称：合同评审（K1）", "[名称：经理审批", "[名称：终审（K2）"},
                {"en", "[Name: Contract review (K1)", "[Name: Manager", "[Name: Final approval (K2)"}}) {
            assertThat(screen("entityId=" + id, words[0], session)).as(words[0])
                    .contains(java.util.Arrays.copyOfRange(words, 1, words.length))
                    .doesNotContain("CONTRACT_REVIEW", "FINAL_APPROVAL");
        }
    }

    @Test
    void aTerritoryADelegationAndACustomersCreditApprovalReadByTheirNamesNotTheirIdsInBothLanguages() throws Exception {
        User delegator = fixtures.user("audit.words.delegator", fixtures.rootUnit(), null, Role.FINANCE);
        User delegate = fixtures.user("audit.words.delegate", fixtures.rootUnit(), null, Role.FINANCE);
        java.util.UUID admin = jdbc.sql("select id from platform_user where username = 'admin'")
                .query(java.util.UUID.class).single();
        String territory = java.util.UUID.randomUUID().toString();
        String territoryName = "审计区域 " + territory.substring(0, 8);
        String delegation = java.util.UUID.randomUUID().toString();
        String approval = java.util.UUID.randomUUID().toString();
        String approvalTitle = "审计信用审批 " + approval.substring(0, 8);
        String lead = java.util.UUID.randomUUID().toString();
        String customer = java.util.UUID.randomUUID().toString();
        jdbc.sql("insert into lead_territory (id, name, version, created_at) values (:id::uuid, :name, 0, now())")
                .param("id", territory).param("name", territoryName).update();
        jdbc.sql("""
                insert into approval_delegation (id, delegator_id, delegate_id, starts_on, ends_on, active, created_at,
                                                 version)
                values (:id::uuid, :from, :to, date '2026-12-01', date '2026-12-05', true, now(), 0)""")
                .param("id", delegation).param("from", delegator.id()).param("to", delegate.id()).update();
        jdbc.sql("""
                insert into approval (id, subject_type, subject_id, title, submitter_id, state, round, current_step,
                                      submitted_at, version)
                values (:id::uuid, 'CustomerCredit', :customer, :title, :admin, 'IN_PROGRESS', 1, 0, now(), 0)""")
                .param("id", approval).param("customer", customer).param("title", approvalTitle).param("admin", admin)
                .update();
        String insert = """
                insert into platform_audit_event (occurred_at, actor_name, action, entity_type, entity_id, field,
                                                  old_value, new_value)
                values (now(), 'admin', :action, :type, :id, :field, null, :new)""";
        jdbc.sql(insert).param("action", "UPDATE").param("type", "Lead").param("id", lead).param("field", "territoryId")
                .param("new", territory).update();
        jdbc.sql(insert).param("action", "UPDATE").param("type", "Customer").param("id", customer)
                .param("field", "creditApprovalId").param("new", approval).update();
        jdbc.sql(insert).param("action", "CREATE").param("type", "SalesTerritory").param("id", territory)
                .param("field", null).param("new", "{\"name\":\"" + territoryName + "\"}").update();
        jdbc.sql(insert).param("action", "CREATE").param("type", "Delegation").param("id", delegation)
                .param("field", null).param("new", "{\"startsOn\":\"2026-12-01\"}").update();
        var session = fixtures.session(mvc, "admin", Fixtures.ADMIN_PASSWORD);

        for (String[] words : new String[][] {
                {"zh-CN", "信用额度审批：" + approvalTitle,
                        delegator.displayName() + " → " + delegate.displayName() + "，2026-12-01 至 2026-12-05"},
                {"en", "Approval of Credit limit " + approvalTitle,
                        delegator.displayName() + " → " + delegate.displayName() + ", 2026-12-01 – 2026-12-05"}}) {
            assertThat(screen("entityId=" + lead, words[0], session)).as(words[0])
                    .contains(">" + territoryName + "<").doesNotContain(territory);
            assertThat(screen("entityId=" + territory, words[0], session)).as(words[0])
                    .contains(">" + territoryName + "<");
            assertThat(screen("entityId=" + customer, words[0], session)).as(words[0])
                    .contains(">" + words[1] + "<").doesNotContain(approval);
            assertThat(screen("entityId=" + delegation, words[0], session)).as(words[0]).contains(words[2]);
        }
        // the trail keeps the ids as recorded
        assertThat(mvc.get().uri("/api/v1/audit?entityId=" + lead)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + fixtures.token(mvc, "admin"))).hasStatusOk()
                .bodyJson().extractingPath("$.items[0].newValue").isEqualTo(territory);
    }

    @Test
    void aDeletedTerritoryReadsByTheNameItHeldAndItsEntryByItsBareIdAnOldWrappedIdToo() throws Exception {
        String tag = java.util.UUID.randomUUID().toString().substring(0, 8);
        String territoryName = "已删除区域 " + tag;
        var territory = territories.create(new com.lead2cash.lead.internal.routing.TerritoryService.TerritoryForm(
                territoryName, "制造业", "", "", null, Set.of(), null));
        territories.delete(territory.id());

        // the deletion is recorded by the territory's id, with what it held
        List<Entry> recorded = jdbc.sql("""
                select action, field, old_value, new_value, actor_name from platform_audit_event
                where entity_type = 'SalesTerritory' and entity_id = :id and action = 'DELETE'""")
                .param("id", territory.id().toString()).query(Entry.class).list();
        assertThat(recorded).singleElement().satisfies(e -> assertThat(e.oldValue()).contains(territoryName));
        // a deletion recorded before: its id wrapped as the delete event wrote it
        String older = java.util.UUID.randomUUID().toString();
        jdbc.sql("""
                insert into platform_audit_event (occurred_at, actor_name, action, entity_type, entity_id)
                values (now(), 'admin', 'DELETE', 'SalesTerritory', :id)""").param("id", "Identifier: " + older)
                .update();
        var session = fixtures.session(mvc, "admin", Fixtures.ADMIN_PASSWORD);

        for (String[] words : new String[][] {{"zh-CN", "名称：" + territoryName}, {"en", "Name: " + territoryName}}) {
            assertThat(screen("entityId=" + territory.id(), words[0], session)).as(words[0])
                    .contains(">" + territoryName + "</span>", words[1]);
            assertThat(screen("entityId=" + older, words[0], session)).as(words[0])
                    .contains(">" + older + "</small>").doesNotContain("Identifier: ");
        }
    }

    @Test
    void anUpdateOfAnApprovalsTasksReadsTaskByTaskWithoutTheTasksOwnIdsInBothLanguages() throws Exception {
        User person = fixtures.user("audit.words.approver", fixtures.rootUnit(), java.time.LocalDate.of(2024, 1, 1), Role.SALES_MANAGER);
        String id = java.util.UUID.randomUUID().toString();
        String first = java.util.UUID.randomUUID().toString();
        String second = java.util.UUID.randomUUID().toString();
        // as an update records an approval's tasks: each task's text, its id first
        jdbc.sql("""
                insert into platform_audit_event (occurred_at, actor_name, action, entity_type, entity_id, field,
                                                  old_value, new_value)
                values (now(), 'admin', 'UPDATE', 'Approval', :id, 'tasks', :old, :new)""").param("id", id)
                .param("old", "[" + first + ":PENDING, " + second + ":WAITING]")
                .param("new", "[" + first + ":APPROVED (" + person.id() + "), " + second + ":PENDING]").update();
        var session = fixtures.session(mvc, "admin", Fixtures.ADMIN_PASSWORD);

        for (String[] words : new String[][] {
                {"zh-CN", "<td>审批任务</td>", ">[待审批, 等待前序审批]<", ">[已同意 (" + person.displayName() + "), 待审批]<"},
                {"en", "<td>Tasks</td>", ">[Pending, Waiting for its turn]<",
                        ">[Approved (" + person.displayName() + "), Pending]<"}}) {
            assertThat(screen("entityId=" + id, words[0], session)).as(words[0])
                    .contains(java.util.Arrays.copyOfRange(words, 1, words.length))
                    .doesNotContain(first, second, person.id().toString());
        }
        // the trail keeps the tasks as recorded
        assertThat(mvc.get().uri("/api/v1/audit?entityId=" + id)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + fixtures.token(mvc, "admin"))).hasStatusOk()
                .bodyJson().extractingPath("$.items[0].newValue").asString().contains(first, second);
    }

    /** The text of each record cell on the screen (type and name), its tags and spacing left out. */
    private static List<String> recordCells(String html) {
        return java.util.regex.Pattern.compile("<td class=\"audit-record\">(.*?)</td>", java.util.regex.Pattern.DOTALL)
                .matcher(html).results().map(m -> m.group(1).replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ").strip())
                .toList();
    }

    @Test
    void theWorkingCalendarReadsAsItselfNotByItsIdInBothLanguagesWhileTheTrailKeepsTheId() throws Exception {
        // as CalendarService records its settings and an import: the one calendar, recorded as 1
        jdbc.sql("""
                insert into platform_audit_event (occurred_at, actor_name, action, entity_type, entity_id, detail)
                values (now(), 'admin', 'calendar.imported', 'WorkingCalendar', '1', 'calendar.audit.imported\n2\n1')""")
                .update();
        var session = fixtures.session(mvc, "admin", Fixtures.ADMIN_PASSWORD);

        for (String[] words : new String[][] {{"zh-CN", "工作日历"}, {"en", "Working calendar"}}) {
            assertThat(recordCells(screen("entityType=WorkingCalendar&entityId=1", words[0], session))).as(words[0])
                    .isNotEmpty().containsOnly(words[1]);
        }
        assertThat(mvc.get().uri("/api/v1/audit?entityType=WorkingCalendar&entityId=1")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + fixtures.token(mvc, "admin"))).hasStatusOk()
                .bodyJson().extractingPath("$.items[0].entityId").isEqualTo("1");
    }

    @Test
    void anApprovalsDepartmentHeadAndSubmittersManagerRulesReadInTheApprovalModulesWordsInBothLanguages() throws Exception {
        String id = java.util.UUID.randomUUID().toString();
        // as a contract's review records its last steps: the submitter's manager and the legal department's head
        jdbc.sql("""
                insert into platform_audit_event (occurred_at, actor_name, action, entity_type, entity_id, new_value)
                values (now(), 'admin', 'CREATE', 'Approval', :id, :new)""").param("id", id)
                .param("new", "{\"subjectType\":\"Contract\",\"steps\":[{\"name\":\"final\",\"mode\":\"PARALLEL\","
                        + "\"slaRuleId\":null,\"approvers\":\"MANAGER:1,HEAD:LEGAL\"},{\"name\":\"board\","
                        + "\"mode\":\"PARALLEL\",\"slaRuleId\":null,\"approvers\":\"MANAGER:2\"}]}").update();
        var session = fixtures.session(mvc, "admin", Fixtures.ADMIN_PASSWORD);

        for (String[] words : new String[][] {
                {"zh-CN", "审批人：提交人的上级,法务负责人]", "审批人：提交人的第 2 级上级]"},
                {"en", "Approvers: Manager of the submitter,Head of Legal]",
                        "Approvers: Manager 2 levels above the submitter]"}}) {
            assertThat(screen("entityId=" + id, words[0], session)).as(words[0])
                    .contains(words[1], words[2]).doesNotContain("MANAGER:", "HEAD:");
        }
    }

    @Test
    void anApprovalsCodedFactsReadByTheLabelsTheirModuleNamesForTheKindOfRecordInBothLanguages() throws Exception {
        String contract = java.util.UUID.randomUUID().toString();
        String quote = java.util.UUID.randomUUID().toString();
        String insert = """
                insert into platform_audit_event (occurred_at, actor_name, action, entity_type, entity_id, new_value)
                values (now(), 'admin', 'CREATE', 'Approval', :id, :new)""";
        jdbc.sql(insert).param("id", contract).param("new", "{\"subjectType\":\"Contract\",\"facts\":["
                + "{\"name\":\"riskLevel\",\"value\":\"HIGH\"},{\"name\":\"amount\",\"value\":\"1,234.00 CNY\"}]}").update();
        jdbc.sql(insert).param("id", quote).param("new", "{\"subjectType\":\"Quote\",\"facts\":["
                + "{\"name\":\"requiredAuthority\",\"value\":\"MANAGER\"}]}").update();
        var session = fixtures.session(mvc, "admin", Fixtures.ADMIN_PASSWORD);

        for (String[] words : new String[][] {
                {"zh-CN", "[风险等级：高]", "[金额：1,234.00 CNY]", "[所需权限：经理审批]"},
                {"en", "[Risk: High]", "[Amount: 1,234.00 CNY]", "[Needs: a manager's approval]"}}) {
            assertThat(screen("entityId=" + contract, words[0], session)).as(words[0]).contains(words[1], words[2])
                    .doesNotContain("HIGH]");
            assertThat(org.springframework.web.util.HtmlUtils.htmlUnescape(screen("entityId=" + quote, words[0], session)))
                    .as(words[0]).contains(words[3]).doesNotContain("MANAGER]");
        }
    }

    @Test
    void countsInAnEventsDetailAreGroupedForTheReaderWhileOtherNumbersStayAsWrittenOnTheScreenAndTheApi()
            throws Exception {
        String lead = java.util.UUID.randomUUID().toString();
        String key = java.util.UUID.randomUUID().toString();
        String file = java.util.UUID.randomUUID().toString();
        String insert = """
                insert into platform_audit_event (occurred_at, actor_name, action, entity_type, entity_id, detail)
                values (now(), 'admin', :action, :type, :id, :detail)""";
        jdbc.sql(insert).param("action", "EXPORT").param("type", "Lead").param("id", lead)
                .param("detail", "lead.audit.exported\n1234567\nlead.view.mine\nA\nlead.status.NEW\naudit.detail.noSearch")
                .update();
        // a key named like a year: its name is no count; its rate is
        jdbc.sql(insert).param("action", "lead.apiKey.issued").param("type", "LeadApiKey").param("id", key)
                .param("detail", "lead.apiKey.audit.issued\n2026\nlead.source.WEBSITE_FORM\n1200\nl2c_abcd…").update();
        jdbc.sql(insert).param("action", "FILE_STORED").param("type", "File").param("id", file)
                .param("detail", "files.audit.stored\nrecord.type.Contract\nHT-2026-000001\n2026.pdf\napplication/pdf\n"
                        + "1048576\n" + "ab".repeat(32)).update();
        var session = fixtures.session(mvc, "admin", Fixtures.ADMIN_PASSWORD);

        for (String[] words : new String[][] {
                {"zh-CN", "导出 1,234,567 条线索", "2026（来源：官网表单；每分钟最多 1,200 次请求", "HT-2026-000001 的文件 2026.pdf",
                        "1,048,576 字节"},
                {"en", "1,234,567 leads exported", "2026 (source: Website form; at most 1,200 requests a minute",
                        "2026.pdf stored for Contract HT-2026-000001", "1,048,576 bytes"}}) {
            assertThat(screen("entityId=" + lead, words[0], session)).as(words[0]).contains(words[1])
                    .doesNotContain("1234567");
            assertThat(screen("entityId=" + key, words[0], session)).as(words[0]).contains(words[2])
                    .doesNotContain("2,026", "1200 ");
            assertThat(screen("entityId=" + file, words[0], session)).as(words[0]).contains(words[3], words[4])
                    .doesNotContain("2,026", "1048576");
        }
        // the API says the detail as the screen does; the trail keeps the count as recorded
        assertThat(mvc.get().uri("/api/v1/audit?entityId=" + lead)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + fixtures.token(mvc, "admin"))
                .header(HttpHeaders.ACCEPT_LANGUAGE, "en")).hasStatusOk()
                .bodyJson().extractingPath("$.items[0].detail").asString().startsWith("1,234,567 leads exported");
        assertThat(jdbc.sql("select detail from platform_audit_event where entity_id = :id").param("id", lead)
                .query(String.class).single()).startsWith("lead.audit.exported\n1234567\n");
    }
}
