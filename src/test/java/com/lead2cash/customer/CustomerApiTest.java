package com.lead2cash.customer;

import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.testing.CustomerTestSupport;
import com.lead2cash.testing.IntegrationTest;
import com.lead2cash.testing.MutableClock;
import com.lead2cash.testing.TestClock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;

/** Customers, contacts and activities over the API (SPEC §6 shapes). */
@IntegrationTest
@Import(TestClock.class)
class CustomerApiTest {

    static final Instant NOW = TestClock.START;

    @Autowired MockMvcTester mvc;
    @Autowired CustomerTestSupport support;
    @Autowired MutableClock clock;
    @Autowired JdbcClient jdbc;
    @Autowired com.lead2cash.testing.HeldFirst heldFirst;

    @BeforeEach
    void resetClock() {
        clock.set(NOW);
    }

    @Test
    void aRepRegistersACustomerAddsAContactAndLogsAFollowUp() {
        var company = support.company("api1");
        String rep = support.bearer(mvc, company.eastRep());
        JsonNode customer = support.customer(mvc, rep, "上海测试科技有限公司",
                "\"uscc\":\"" + CustomerTestSupport.uniqueUscc() + "\",\"industry\":\"制造业\",\"size\":\"MEDIUM\",\"region\":\"上海\",\"website\":\"www.example.com\",\"grade\":\"A\"");
        assertThat(customer.get("code").asString()).matches("C-2026-\\d{6}");
        assertThat(customer.get("grade").asString()).isEqualTo("A");
        assertThat(customer.get("status").asString()).isEqualTo("PROSPECT");
        assertThat(customer.get("ownerId").asString()).isEqualTo(company.eastRep().id().toString());
        assertThat(customer.get("website").asString()).isEqualTo("https://www.example.com");
        assertThat(customer.get("duplicates").size()).isZero();
        assertThat(customer.get("version").asLong()).isZero();
        String id = customer.get("id").asString();

        JsonNode contact = support.postJson(mvc, rep, "/api/v1/customers/" + id + "/contacts", """
                {"name":"王总","title":"总经理","phone":"13800138000","email":"wang@example.com","role":"DECISION_MAKER","attitude":"SUPPORTIVE"}
                """);
        assertThat(contact.get("primary").asBoolean()).isTrue();
        assertThat(contact.get("phone").asString()).isEqualTo("13800138000");

        clock.set(Instant.parse("2026-12-02T03:00:00Z"));
        JsonNode activity = support.postJson(mvc, rep, "/api/v1/activities", """
                {"customerId":"%s","type":"VISIT","occurredAt":"2026-12-02T01:00:00Z","contactIds":["%s"],
                 "summary":"拜访王总，了解需求","needsChanges":"需要移动端","nextStep":"准备方案"}
                """.formatted(id, contact.get("id").asString()));
        assertThat(activity.get("late").asBoolean()).isFalse();
        assertThat(activity.get("contactIds").get(0).asString()).isEqualTo(contact.get("id").asString());

        JsonNode after = support.getJson(mvc, rep, "/api/v1/customers/" + id);
        assertThat(after.get("status").asString()).isEqualTo("INITIAL_CONTACT");
        assertThat(after.get("followUpRule").asString()).isEqualTo("C2");
        assertThat(Instant.parse(after.get("followUpDueAt").asString())).isEqualTo(Instant.parse("2026-12-09T01:00:00Z"));

        JsonNode timeline = support.getJson(mvc, rep, "/api/v1/customers/" + id + "/timeline");
        assertThat(timeline.get("items").valueStream().map(e -> e.get("kind").asString()))
                .contains("activity", "event", "deadline");
        // each entry also in the reader's language, as the page shows it: its keys resolved, not "#customer.status.…"
        JsonNode zh = support.json(mvc.get().uri("/api/v1/customers/" + id + "/timeline")
                .header(HttpHeaders.AUTHORIZATION, rep).header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN").exchange());
        JsonNode statusChange = zh.get("items").valueStream()
                .filter(e -> e.get("messageKey").asString().equals("customer.history.status")).findFirst().orElseThrow();
        assertThat(statusChange.get("args").get(1).asString()).as("kept as recorded").isEqualTo("#customer.status.INITIAL_CONTACT");
        assertThat(statusChange.get("text").asString()).contains("初步接洽").doesNotContain("#customer");
        assertThat(zh.get("items").valueStream().map(e -> e.get("text").asString())).doesNotContainNull()
                .noneMatch(t -> t.contains("#"));
    }

    /**
     * SPEC §6: a customer's contacts are a list like any other, {items, nextCursor}, a page at a time: the primary
     * contact first, then as they were added.
     */
    @Test
    void aCustomersContactsPageWithACursorPrimaryFirstAndAForgedCursorIsA400() {
        var company = support.company("apiContactPages");
        String rep = support.bearer(mvc, company.eastRep());
        String id = support.customer(mvc, rep, "联系人分页有限公司", "\"grade\":\"B\"").get("id").asString();
        String contacts = "/api/v1/customers/" + id + "/contacts";
        String first = support.postJson(mvc, rep, contacts, "{\"name\":\"甲\"}").get("id").asString();
        clock.set(NOW.plusSeconds(60));
        String second = support.postJson(mvc, rep, contacts, "{\"name\":\"乙\"}").get("id").asString();
        clock.set(NOW.plusSeconds(120));
        String primary = support.postJson(mvc, rep, contacts, "{\"name\":\"丙\",\"primary\":true}").get("id").asString();

        JsonNode page1 = support.getJson(mvc, rep, contacts + "?size=2");
        assertThat(page1.get("items").valueStream().map(c -> c.get("id").asString()))
                .as("the primary contact first, then the oldest").containsExactly(primary, first);
        assertThat(page1.get("items").get(0).get("primary").asBoolean()).isTrue();
        JsonNode page2 = support.getJson(mvc, rep, contacts + "?size=2&cursor={c}", page1.get("nextCursor").asString());
        assertThat(page2.get("items").valueStream().map(c -> c.get("id").asString())).containsExactly(second);
        assertThat(page2.get("nextCursor").isNull()).as("the last page").isTrue();
        assertThat(support.getJson(mvc, rep, contacts).get("items").valueStream().map(c -> c.get("id").asString()))
                .containsExactly(primary, first, second);

        for (String forged : new String[] {"not-a-cursor", "eA"}) {
            assertThat(mvc.get().uri(contacts + "?cursor={c}", forged).header(HttpHeaders.AUTHORIZATION, rep))
                    .as(forged).hasStatus(HttpStatus.BAD_REQUEST)
                    .bodyJson().extractingPath("$.errors[0].field").isEqualTo("cursor");
        }
        assertThat(mvc.get().uri(contacts + "?size=0").header(HttpHeaders.AUTHORIZATION, rep))
                .hasStatus(HttpStatus.BAD_REQUEST);
    }

    /** Finding 8 of walk 54b: the API saved "abc" as a phone and "a@b" as an e-mail; the page already refused them. */
    @Test
    void aContactsPhoneAndEmailAreCheckedAsALeadsAndAStoredBadOneDoesNotBlockOtherCorrections() {
        var company = support.company("apiReach");
        String rep = support.bearer(mvc, company.eastRep());
        String id = support.customer(mvc, rep, "联系方式校验有限公司", "\"grade\":\"B\"").get("id").asString();
        String contacts = "/api/v1/customers/" + id + "/contacts";
        for (String[] lang : new String[][] {{"en", "The phone is", "The e-mail is"}, {"zh-CN", "电话不是", "电子邮箱不是"}}) {
            assertThat(mvc.post().uri(contacts).header(HttpHeaders.AUTHORIZATION, rep)
                    .header(HttpHeaders.ACCEPT_LANGUAGE, lang[0]).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"name\":\"y\",\"email\":\"a@b\",\"phone\":\"+86 abc-<script>\"}").exchange())
                    .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyJson().satisfies(body -> {
                        assertThat(body).extractingPath("$.errors[*].field").asArray().containsExactly("phone", "email");
                        assertThat(body).extractingPath("$.errors[*].code").asArray()
                                .containsExactly("contact.phone.invalid", "contact.email.invalid");
                        assertThat(body).extractingPath("$.errors[0].message").asString().startsWith(lang[1]);
                        assertThat(body).extractingPath("$.errors[1].message").asString().startsWith(lang[2]);
                    });
        }
        assertThat(support.post(mvc, rep, contacts, "{\"name\":\"x\",\"email\":\"not-an-email\"}"))
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(support.getJson(mvc, rep, contacts).get("items").size()).as("nothing saved").isZero();

        // a contact saved before the API checked: its other fields can still be corrected, a changed phone is checked
        String contact = support.postJson(mvc, rep, contacts, "{\"name\":\"王工\",\"phone\":\"13800138000\"}")
                .get("id").asString();
        jdbc.sql("update customer_contact set phone = 'abc' where id = ?").param(java.util.UUID.fromString(contact)).update();
        JsonNode corrected = support.json(support.put(mvc, rep, "/api/v1/contacts/" + contact,
                "{\"name\":\"王工\",\"title\":\"总工\",\"phone\":\"abc\",\"version\":0}"));
        assertThat(corrected.get("title").asString()).isEqualTo("总工");
        assertThat(corrected.get("phone").asString()).isEqualTo("abc");
        assertThat(support.put(mvc, rep, "/api/v1/contacts/" + contact,
                "{\"name\":\"王工\",\"phone\":\"abcd\",\"version\":1}"))
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("phone");
        assertThat(support.put(mvc, rep, "/api/v1/contacts/" + contact,
                "{\"name\":\"王工\",\"phone\":\"13800138001\",\"version\":1}")).hasStatus(HttpStatus.OK);
    }

    /** Decision 0098: a contact's language (zh-CN by default, or en), given on create, corrected on update. */
    @Test
    void aContactsLanguageIsZhCnUnlessEnIsGivenAndAnyOtherIsRefusedNamingTheFieldWithNothingStored() {
        var company = support.company("apiLang");
        String rep = support.bearer(mvc, company.eastRep());
        String id = support.customer(mvc, rep, "联系人语言测试有限公司", "\"grade\":\"B\"").get("id").asString();
        String contacts = "/api/v1/customers/" + id + "/contacts";
        for (String[] lang : new String[][] {{"en", "The language is not one"}, {"zh-CN", "该语言不是"}}) {
            assertThat(mvc.post().uri(contacts).header(HttpHeaders.AUTHORIZATION, rep)
                    .header(HttpHeaders.ACCEPT_LANGUAGE, lang[0]).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"name\":\"王总\",\"language\":\"fr\"}").exchange())
                    .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyJson().satisfies(body -> {
                        assertThat(body).extractingPath("$.errors[*].field").asArray().containsExactly("language");
                        assertThat(body).extractingPath("$.errors[*].code").asArray()
                                .containsExactly("contact.language.invalid");
                        assertThat(body).extractingPath("$.errors[0].message").asString().startsWith(lang[1])
                                .contains("zh-CN, en");
                    });
        }
        assertThat(support.getJson(mvc, rep, contacts).get("items").size()).as("nothing stored").isZero();

        JsonNode chinese = support.postJson(mvc, rep, contacts, "{\"name\":\"王总\"}");
        assertThat(chinese.get("language").asString()).as("none given").isEqualTo("zh-CN");
        JsonNode english = support.postJson(mvc, rep, contacts, "{\"name\":\"John Smith\",\"language\":\"en\"}");
        assertThat(english.get("language").asString()).isEqualTo("en");
        String englishId = english.get("id").asString();
        assertThat(support.getJson(mvc, rep, "/api/v1/contacts/" + englishId).get("language").asString()).isEqualTo("en");

        assertThat(support.put(mvc, rep, "/api/v1/contacts/" + englishId, "{\"language\":\"de\",\"version\":0}"))
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyJson().extractingPath("$.errors[0].field")
                .isEqualTo("language");
        assertThat(jdbc.sql("select language from customer_contact where id = ?")
                .param(java.util.UUID.fromString(englishId)).query(String.class).single()).as("unchanged").isEqualTo("en");
        JsonNode titled = support.json(support.put(mvc, rep, "/api/v1/contacts/" + englishId,
                "{\"title\":\"CTO\",\"version\":0}"));
        assertThat(titled.get("language").asString()).as("left out: kept").isEqualTo("en");
        JsonNode back = support.json(support.put(mvc, rep, "/api/v1/contacts/" + englishId,
                "{\"language\":\"zh-CN\",\"version\":" + titled.get("version").asLong() + "}"));
        assertThat(back.get("language").asString()).isEqualTo("zh-CN");
        assertThat(back.get("version").asLong()).isEqualTo(titled.get("version").asLong() + 1);
    }

    /** Walk finding: a customer or contact name with a line break or a tab was stored. Refused naming the field. */
    @Test
    void aCustomerOrContactNameOfMoreThanOneLineIsRefusedNamingTheFieldAndNothingIsStored() {
        var company = support.company("apiOneLine");
        String rep = support.bearer(mvc, company.eastRep());
        for (String inside : List.of("\\r\\n", "\\n", "\\t")) {
            assertThat(support.post(mvc, rep, "/api/v1/customers", "{\"name\":\"单行客户" + inside + "有限公司\"}"))
                    .as(inside).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyJson().satisfies(body -> {
                        assertThat(body).extractingPath("$.errors[*].field").asArray().containsExactly("name");
                        assertThat(body).extractingPath("$.errors[*].code").asArray()
                                .containsExactly("error.input.notOneLine");
                    });
        }
        assertThat(jdbc.sql("select count(*) from customer_customer where name like '单行客户%'").query(Integer.class)
                .single()).as("no customer stored").isZero();

        JsonNode customer = support.customer(mvc, rep, "单行客户有限公司", "\"grade\":\"B\"");
        String id = customer.get("id").asString();
        assertThat(support.put(mvc, rep, "/api/v1/customers/" + id, "{\"name\":\"单行客户\\n分公司\",\"version\":"
                + customer.get("version").asLong() + "}")).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("name");
        String contacts = "/api/v1/customers/" + id + "/contacts";
        assertThat(support.post(mvc, rep, contacts, "{\"name\":\"赵\\r\\n敏\",\"title\":\"采购\\t经理\",\"notes\":\"一\\n二\"}"))
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyJson().extractingPath("$.errors[*].field").asArray()
                .containsExactlyInAnyOrder("name", "title");
        assertThat(support.getJson(mvc, rep, contacts).get("items").size()).as("no contact stored").isZero();
        assertThat(support.getJson(mvc, rep, "/api/v1/customers/" + id).get("name").asString()).isEqualTo("单行客户有限公司");
        // notes are text of many lines
        assertThat(support.postJson(mvc, rep, contacts, "{\"name\":\"赵敏\",\"notes\":\"一\\n二\"}").get("notes").asString())
                .isEqualTo("一\n二");
    }

    /** Walk finding: a PUT with only the name set every other profile field to null. */
    @Test
    void aProfileCorrectionKeepsTheFieldsItLeavesOutAndClearsThoseSentAsNull() {
        var company = support.company("apiKeep");
        String rep = support.bearer(mvc, company.eastRep());
        String uscc = CustomerTestSupport.uniqueUscc();
        JsonNode customer = support.customer(mvc, rep, "杭州保留字段科技有限公司",
                "\"uscc\":\"" + uscc + "\",\"industry\":\"制造业\",\"size\":\"MEDIUM\",\"region\":\"上海\","
                        + "\"address\":\"上海市浦东新区世纪大道 1 号\",\"website\":\"www.example.com\",\"source\":\"REFERRAL\"");
        String uri = "/api/v1/customers/" + customer.get("id").asString();

        var renamed = support.put(mvc, rep, uri, "{\"name\":\"杭州保留字段智能科技有限公司\",\"version\":0}");
        assertThat(renamed).hasStatus(HttpStatus.OK);
        JsonNode kept = support.getJson(mvc, rep, uri);
        assertThat(kept.get("name").asString()).isEqualTo("杭州保留字段智能科技有限公司");
        assertThat(kept.get("uscc").asString()).isEqualTo(uscc);
        assertThat(kept.get("industry").asString()).isEqualTo("制造业");
        assertThat(kept.get("size").asString()).isEqualTo("MEDIUM");
        assertThat(kept.get("region").asString()).isEqualTo(customer.get("region").asString());
        assertThat(kept.get("regionCode").asString()).isEqualTo(customer.get("regionCode").asString());
        assertThat(kept.get("address").asString()).isEqualTo("上海市浦东新区世纪大道 1 号");
        assertThat(kept.get("website").asString()).isEqualTo("https://www.example.com");
        assertThat(kept.get("source").asString()).isEqualTo("REFERRAL");

        var cleared = support.put(mvc, rep, uri, "{\"industry\":null,\"size\":null,\"website\":null,\"version\":1}");
        assertThat(cleared).hasStatus(HttpStatus.OK);
        JsonNode after = support.getJson(mvc, rep, uri);
        assertThat(after.get("industry").isNull()).isTrue();
        assertThat(after.get("size").isNull()).isTrue();
        assertThat(after.get("website").isNull()).isTrue();
        assertThat(after.get("name").asString()).as("left out, kept").isEqualTo("杭州保留字段智能科技有限公司");
        assertThat(after.get("address").asString()).isEqualTo("上海市浦东新区世纪大道 1 号");
        assertThat(after.get("source").asString()).isEqualTo("REFERRAL");

        assertThat(support.put(mvc, rep, uri, "{\"name\":null,\"version\":2}"))
                .as("a customer keeps a name").hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("name");
        assertThat(support.getJson(mvc, rep, uri).get("version").asLong()).as("the refusal changed nothing").isEqualTo(2);
        assertThat(support.put(mvc, rep, uri, "{\"source\":\"REFERRAL\",\"version\":2}")).hasStatus(HttpStatus.OK)
                .bodyJson().extractingPath("$.version").as("a correction to the same changes nothing").isEqualTo(2);
        assertThat(support.getJson(mvc, rep, uri).get("version").asLong()).isEqualTo(2);
    }

    /** As a profile correction (docs/decisions/0030): a PUT of a contact with only one field cleared the others. */
    @Test
    void aContactCorrectionKeepsTheFieldsItLeavesOutAndClearsThoseSentAsNull() {
        var company = support.company("apiKeepContact");
        String rep = support.bearer(mvc, company.eastRep());
        String id = support.customer(mvc, rep, "联系人保留字段有限公司", "\"grade\":\"B\"").get("id").asString();
        JsonNode contact = support.postJson(mvc, rep, "/api/v1/customers/" + id + "/contacts", """
                {"name":"赵总","title":"总经理","department":"总办","phone":"13800138000","email":"zhao@example.com",
                 "wechat":"zhao88","role":"DECISION_MAKER","attitude":"SUPPORTIVE","notes":"周一上午方便"}""");
        String uri = "/api/v1/contacts/" + contact.get("id").asString();
        List<String> fields = List.of("name", "title", "department", "phone", "email", "wechat", "role", "attitude",
                "notes", "primary");

        assertThat(support.put(mvc, rep, uri, "{\"title\":\"董事长\",\"version\":0}")).hasStatus(HttpStatus.OK);
        JsonNode kept = support.getJson(mvc, rep, uri);
        assertThat(kept.get("title").asString()).isEqualTo("董事长");
        for (String field : fields.stream().filter(f -> !f.equals("title")).toList()) {
            assertThat(kept.get(field)).as(field + ", left out, kept").isEqualTo(contact.get(field));
        }

        assertThat(support.put(mvc, rep, uri, """
                {"department":null,"wechat":null,"role":null,"attitude":null,"notes":null,"version":1}"""))
                .hasStatus(HttpStatus.OK);
        JsonNode after = support.getJson(mvc, rep, uri);
        for (String field : List.of("department", "wechat", "role", "attitude", "notes")) {
            assertThat(after.get(field).isNull()).as(field + ", sent as null, cleared").isTrue();
        }
        assertThat(after.get("title").asString()).as("left out, kept").isEqualTo("董事长");
        for (String field : List.of("name", "phone", "email", "primary")) {
            assertThat(after.get(field)).as(field + ", left out, kept").isEqualTo(contact.get(field));
        }

        assertThat(support.put(mvc, rep, uri, "{\"name\":null,\"version\":2}"))
                .as("a contact keeps a name").hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("name");
        assertThat(support.put(mvc, rep, uri, "{\"email\":\"not-an-email\",\"version\":2}"))
                .as("a sent value is checked").hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("email");
        assertThat(support.put(mvc, rep, uri, "{\"title\":\"x\"}")).as("the version is still required").hasStatus(428);
        assertThat(support.put(mvc, rep, uri, "{\"title\":\"x\",\"version\":1}")).hasStatus(HttpStatus.CONFLICT);
        JsonNode unchanged = support.getJson(mvc, rep, uri);
        assertThat(unchanged.get("version").asLong()).as("the refusals changed nothing").isEqualTo(2);
        assertThat(unchanged.get("name").asString()).isEqualTo("赵总");
        assertThat(unchanged.get("email").asString()).isEqualTo("zhao@example.com");
        assertThat(support.put(mvc, rep, uri, "{\"name\":\"赵总\",\"version\":2}")).hasStatus(HttpStatus.OK)
                .bodyJson().extractingPath("$.version").as("a correction to the same changes nothing").isEqualTo(2);
        assertThat(support.getJson(mvc, rep, uri).get("version").asLong()).isEqualTo(2);
    }

    /** As a profile correction (docs/decisions/0030): a PUT of a follow-up with only the summary cleared the rest. */
    @Test
    void anActivityCorrectionKeepsTheFieldsItLeavesOutAndClearsThoseSentAsNull() {
        var company = support.company("apiKeepActivity");
        String rep = support.bearer(mvc, company.eastRep());
        String id = support.customer(mvc, rep, "跟进保留字段有限公司", "\"grade\":\"B\"").get("id").asString();
        JsonNode activity = support.postJson(mvc, rep, "/api/v1/activities", """
                {"customerId":"%s","type":"VISIT","occurredAt":"2026-12-01T01:00:00Z","summary":"拜访钱总",
                 "needsChanges":"需要移动端","objections":"价格偏高","objectionHandling":"分期付款","nextStep":"准备方案"}
                """.formatted(id));
        String uri = "/api/v1/activities/" + activity.get("id").asString();

        assertThat(support.put(mvc, rep, uri, "{\"summary\":\"拜访钱总，看了演示\",\"version\":0}"))
                .hasStatus(HttpStatus.OK);
        JsonNode kept = support.getJson(mvc, rep, uri);
        assertThat(kept.get("summary").asString()).isEqualTo("拜访钱总，看了演示");
        for (String field : List.of("needsChanges", "objections", "objectionHandling", "nextStep", "type", "occurredAt")) {
            assertThat(kept.get(field)).as(field + ", left out, kept").isEqualTo(activity.get(field));
        }

        assertThat(support.put(mvc, rep, uri, "{\"objections\":null,\"objectionHandling\":null,\"version\":1}"))
                .hasStatus(HttpStatus.OK);
        JsonNode after = support.getJson(mvc, rep, uri);
        assertThat(after.get("objections").isNull()).isTrue();
        assertThat(after.get("objectionHandling").isNull()).isTrue();
        assertThat(after.get("summary").asString()).as("left out, kept").isEqualTo("拜访钱总，看了演示");
        assertThat(after.get("needsChanges").asString()).isEqualTo("需要移动端");
        assertThat(after.get("nextStep").asString()).isEqualTo("准备方案");

        assertThat(support.put(mvc, rep, uri, "{\"summary\":null,\"nextStep\":null,\"version\":2}"))
                .as("a follow-up keeps its summary").hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("summary");
        assertThat(support.put(mvc, rep, uri, "{\"nextStep\":\"x\",\"occurredAt\":\"2026-12-01T02:00:00Z\",\"version\":2}"))
                .as("when it happened is not corrected: an unknown field").hasStatus(HttpStatus.BAD_REQUEST);
        JsonNode unchanged = support.getJson(mvc, rep, uri);
        assertThat(unchanged.get("version").asLong()).as("the refusals changed nothing").isEqualTo(2);
        assertThat(unchanged.get("nextStep").asString()).isEqualTo("准备方案");
    }

    @Test
    void transferGradeAndAdvanceWithoutTheVersionTheyWereReadAtAre428AndChangeNothing() {
        var company = support.company("api428");
        String rep = support.bearer(mvc, company.eastRep());
        String manager = support.bearer(mvc, company.eastManager());
        JsonNode customer = support.customer(mvc, rep, "无版本测试有限公司", "\"grade\":\"B\"");
        String id = customer.get("id").asString();
        String uri = "/api/v1/customers/" + id;
        for (var refused : java.util.List.of(
                support.post(mvc, manager, uri + "/transfer",
                        "{\"ownerId\":\"" + company.eastRep2().id() + "\",\"reason\":\"x\"}"),
                support.post(mvc, rep, uri + "/grade", "{\"grade\":\"A\"}"),
                support.post(mvc, rep, uri + "/advance", "{}"))) {
            assertThat(refused).hasStatus(HttpStatus.PRECONDITION_REQUIRED)
                    .bodyJson().extractingPath("$.code").isEqualTo("error.versionRequired");
        }
        JsonNode after = support.getJson(mvc, rep, uri);
        assertThat(after.get("ownerId").asString()).isEqualTo(company.eastRep().id().toString());
        assertThat(after.get("grade").asString()).isEqualTo("B");
        assertThat(after.get("status").asString()).isEqualTo(customer.get("status").asString());
        assertThat(after.get("version").asLong()).isEqualTo(customer.get("version").asLong());
    }

    /** The list's views are declared: the document lists them, and any other view is refused naming them. */
    @Test
    void anUnknownListViewIsRefusedWithTheViewsAllowed() {
        var company = support.company("api2");
        String rep = support.bearer(mvc, company.eastRep());
        assertThat(mvc.get().uri("/api/v1/customers?view=everything").header(HttpHeaders.AUTHORIZATION, rep))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson().satisfies(body -> {
                    assertThat(body).extractingPath("$.errors[0].field").isEqualTo("view");
                    assertThat(body).extractingPath("$.errors[0].code").isEqualTo("error.badEnum");
                    assertThat(body).extractingPath("$.errors[0].allowedValues").asArray().containsExactly("mine", "pool");
                });
        assertThat(support.getJson(mvc, rep, "/api/v1/customers?view=mine").get("items").isArray()).isTrue();
        assertThat(mvc.get().uri("/customers?view=everything").cookie(support.session(mvc, company.eastRep())))
                .hasStatus(HttpStatus.BAD_REQUEST);

        JsonNode document = support.getJson(mvc, rep, "/v3/api-docs");
        JsonNode view = document.at("/paths/~1api~1v1~1customers/get/parameters").valueStream()
                .filter(p -> p.get("name").asString().equals("view")).findFirst().orElseThrow();
        assertThat(view.at("/schema/enum").valueStream().map(JsonNode::asString).toList()).containsExactly("mine", "pool");
    }

    /**
     * Walk finding: the API registered a possible duplicate without the reason the screen asks for. The rule is the
     * service's, so both ask it: without a reason nothing is stored; with one the customer is kept and the duplicate
     * of another team is reported without its name or id.
     */
    @Test
    void aPossibleDuplicateIsRegisteredOnlyWithAReasonAsOnTheScreen() {
        var company = support.company("apiDupReason");
        String east = support.bearer(mvc, company.eastRep());
        String west = support.bearer(mvc, company.westRep());
        String uscc = CustomerTestSupport.uniqueUscc();
        support.customer(mvc, east, "杭州走查理由科技有限公司", "\"uscc\":\"" + uscc + "\"");

        var refused = support.post(mvc, west, "/api/v1/customers",
                "{\"name\":\"杭州走查理由科技有限公司\",\"uscc\":\"" + uscc + "\"}");
        assertThat(refused).hasStatus(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(support.json(refused).at("/errors/0/field").asString()).isEqualTo("duplicateReason");
        assertThat(support.json(refused).at("/errors/0/code").asString()).isEqualTo("customer.duplicates.reason.required");
        assertThat(support.post(mvc, west, "/api/v1/customers", "{\"name\":\"杭州走查理由科技有限公司\",\"uscc\":\""
                + uscc + "\",\"duplicateReason\":\"  \"}")).as("a blank reason is none").hasStatus(422);
        assertThat(usccCount(uscc)).as("nothing stored").isEqualTo(1);

        JsonNode kept = support.customer(mvc, west, "杭州走查理由科技有限公司",
                "\"uscc\":\"" + uscc + "\",\"duplicateReason\":\"同名的另一家分公司\"");
        JsonNode duplicate = kept.get("duplicates").get(0);
        assertThat(kept.get("duplicates").size()).isEqualTo(1);
        assertThat(duplicate.get("matchedOn").valueStream().map(JsonNode::asString)).containsExactly("NAME", "USCC");
        assertThat(duplicate.get("visible").asBoolean()).as("another team's").isFalse();
        assertThat(duplicate.hasNonNull("id")).isFalse();
        assertThat(duplicate.hasNonNull("name")).isFalse();
        assertThat(usccCount(uscc)).isEqualTo(2);
    }

    /**
     * Walk finding: a correction gave a customer another customer's credit code without a word. A correction that
     * makes it a possible duplicate is checked as registering is: refused without a reason and nothing changed;
     * with one, saved and the duplicates answered as registering answers them (another team's without its name).
     * An edit that leaves the name and the code alone asks nothing.
     */
    @Test
    void aCorrectionThatMakesTheCustomerAPossibleDuplicateIsCheckedAsRegisteringIs() {
        var company = support.company("apiDupEdit");
        String east = support.bearer(mvc, company.eastRep());
        String west = support.bearer(mvc, company.westRep());
        String uscc = CustomerTestSupport.uniqueUscc();
        support.customer(mvc, east, "杭州走查原有科技有限公司", "\"uscc\":\"" + uscc + "\"");
        String own = CustomerTestSupport.uniqueUscc();
        JsonNode customer = support.customer(mvc, west, "杭州走查改码科技有限公司", "\"uscc\":\"" + own + "\"");
        String uri = "/api/v1/customers/" + customer.get("id").asString();

        var refused = support.put(mvc, west, uri, "{\"uscc\":\"" + uscc + "\",\"version\":0}");
        assertThat(refused).hasStatus(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(support.json(refused).at("/errors/0/field").asString()).isEqualTo("duplicateReason");
        assertThat(support.json(refused).at("/errors/0/code").asString()).isEqualTo("customer.duplicates.reason.required");
        assertThat(support.getJson(mvc, west, uri).get("uscc").asString()).as("nothing changed").isEqualTo(own);
        var renamed = support.put(mvc, west, uri, "{\"name\":\"杭州走查原有科技股份有限公司\",\"version\":0}");
        assertThat(renamed).as("the name as compared is another's too").hasStatus(422);

        var corrected = support.put(mvc, west, uri,
                "{\"uscc\":\"" + uscc + "\",\"duplicateReason\":\"集团内共用代码，待核实\",\"version\":0}");
        assertThat(corrected).hasStatus(HttpStatus.OK);
        JsonNode answered = support.json(corrected);
        assertThat(answered.get("uscc").asString()).isEqualTo(uscc);
        assertThat(answered.get("duplicates").size()).isEqualTo(1);
        JsonNode duplicate = answered.get("duplicates").get(0);
        assertThat(duplicate.get("matchedOn").valueStream().map(JsonNode::asString)).containsExactly("USCC");
        assertThat(duplicate.get("visible").asBoolean()).as("another team's").isFalse();
        assertThat(duplicate.hasNonNull("id")).isFalse();
        assertThat(duplicate.hasNonNull("name")).isFalse();

        var address = support.put(mvc, west, uri, "{\"address\":\"杭州市西湖区文三路 1 号\",\"version\":"
                + answered.get("version").asLong() + "}");
        assertThat(address).as("name and code left alone: " + support.json(address)).hasStatus(HttpStatus.OK);
        assertThat(support.json(address).get("duplicates").size()).isZero();
    }

    /**
     * Walk finding: six registrations of one company sent at once were all kept, each finding no duplicate. A
     * registration sent while the same company is being registered waits for it, then asks for the reason.
     */
    @Test
    void aRegistrationSentWhileTheSameCompanyIsBeingRegisteredWaitsForItAndAsksForTheReason() throws Exception {
        var company = support.company("apiDupRace");
        String rep = touched(support.bearer(mvc, company.eastRep()));
        String uscc = CustomerTestSupport.uniqueUscc();
        String body = "{\"name\":\"杭州并发查重甲科技有限公司\",\"industry\":\"制造业\",\"uscc\":\"" + uscc + "\"}";

        var sent = heldFirst.race(() -> support.post(mvc, rep, "/api/v1/customers", body),
                () -> support.post(mvc, rep, "/api/v1/customers", body));

        assertThat(sent.first()).hasStatus(HttpStatus.CREATED);
        assertThat(sent.second()).as("the second waited and found the first").hasStatus(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(support.json(sent.second()).at("/errors/0/code").asString())
                .isEqualTo("customer.duplicates.reason.required");
        assertThat(usccCount(uscc)).isEqualTo(1);
    }

    /** The same name alone (another code, none) is held as the code is: the second registration waits and is asked. */
    @Test
    void aRegistrationOfTheSameNameWithAnotherCodeSentAtTheSameTimeWaitsAndAsksForTheReason() throws Exception {
        var company = support.company("apiDupRaceName");
        String rep = touched(support.bearer(mvc, company.eastRep()));
        String other = touched(support.bearer(mvc, company.westRep()));

        var sent = heldFirst.race(() -> support.post(mvc, rep, "/api/v1/customers",
                        "{\"name\":\"杭州并发同名科技有限公司\",\"uscc\":\"" + CustomerTestSupport.uniqueUscc() + "\"}"),
                () -> support.post(mvc, other, "/api/v1/customers", "{\"name\":\"杭州并发同名科技有限公司 \"}"));

        assertThat(sent.first()).hasStatus(HttpStatus.CREATED);
        assertThat(sent.second()).hasStatus(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(support.json(sent.second()).at("/errors/0/code").asString())
                .isEqualTo("customer.duplicates.reason.required");
    }

    /** A correction to the credit code of a customer being registered at the same time waits for it and is asked. */
    @Test
    void aCorrectionToTheCodeOfACustomerBeingRegisteredAtTheSameTimeWaitsForItAndAsksForTheReason() throws Exception {
        var company = support.company("apiDupRaceEdit");
        String rep = touched(support.bearer(mvc, company.eastRep()));
        String other = touched(support.bearer(mvc, company.westRep()));
        String uscc = CustomerTestSupport.uniqueUscc();
        String uri = "/api/v1/customers/" + support.customer(mvc, other, "杭州并发改码科技有限公司", null).get("id").asString();

        var sent = heldFirst.race(() -> support.post(mvc, rep, "/api/v1/customers",
                        "{\"name\":\"杭州并发原码科技有限公司\",\"uscc\":\"" + uscc + "\"}"),
                () -> support.put(mvc, other, uri, "{\"uscc\":\"" + uscc + "\",\"version\":0}"));

        assertThat(sent.first()).hasStatus(HttpStatus.CREATED);
        assertThat(sent.second()).hasStatus(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(support.json(sent.second()).at("/errors/0/code").asString())
                .isEqualTo("customer.duplicates.reason.required");
        assertThat(usccCount(uscc)).isEqualTo(1);
    }

    /** The walk's six registrations of one company at once: exactly one kept, the five others asked for the reason. */
    @Test
    void sixRegistrationsOfOneCompanySentAtOnceKeepOneAndAskTheOthersForTheReason() throws Exception {
        var company = support.company("apiDupBurst");
        String rep = touched(support.bearer(mvc, company.eastRep()));
        String uscc = CustomerTestSupport.uniqueUscc();
        String body = "{\"name\":\"杭州并发六次科技有限公司\",\"industry\":\"制造业\",\"uscc\":\"" + uscc + "\"}";
        int senders = 6;

        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(senders);
        java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(senders);
        List<Integer> statuses = new java.util.ArrayList<>();
        try {
            List<java.util.concurrent.Future<Integer>> sent = new java.util.ArrayList<>();
            for (int i = 0; i < senders; i++) {
                sent.add(pool.submit(() -> {
                    start.await(60, java.util.concurrent.TimeUnit.SECONDS);
                    return support.post(mvc, rep, "/api/v1/customers", body).getResponse().getStatus();
                }));
            }
            for (var f : sent) {
                statuses.add(f.get(60, java.util.concurrent.TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(statuses).as(statuses.toString()).containsOnlyOnce(201).filteredOn(s -> s != 201)
                .containsOnly(422).hasSize(senders - 1);
        assertThat(usccCount(uscc)).isEqualTo(1);
    }

    /**
     * The token's last use is touched now, not inside a held request: else a second request would wait for the first
     * at its sign-in, before it ever reached the check (in production each request touches it on its own).
     */
    private String touched(String token) {
        assertThat(support.get(mvc, token, "/api/v1/customers?view=mine")).hasStatusOk();
        return token;
    }

    private int usccCount(String uscc) {
        return jdbc.sql("select count(*) from customer_customer where uscc = :uscc").param("uscc", uscc)
                .query(Integer.class).single();
    }
}
