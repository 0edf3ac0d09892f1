package com.lead2cash.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.testing.CustomerTestSupport;
import com.lead2cash.testing.Fixtures;
import com.lead2cash.testing.IntegrationTest;
import com.lead2cash.testing.TestClock;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;

/**
 * SPEC §1: an administrator marks protected fields masked or hidden per role, on the screen and over the API; every
 * page, answer and search obeys it; each change is audited; a stale or malformed change is refused and changes
 * nothing.
 */
@IntegrationTest
@Import(TestClock.class)
class FieldRulesTest {

    @Autowired MockMvcTester mvc;
    @Autowired CustomerTestSupport support;
    @Autowired JdbcClient jdbc;
    @Autowired Fixtures fixtures;

    @AfterEach
    void backToTheDefault() {
        support.fieldRules(mvc, "[]");
    }

    @Test
    void aFieldMaskedOrHiddenForARoleIsKeptFromItsOwnRecordsInTheApiThePageAndSearch() {
        var company = support.company("fields");
        String rep = support.bearer(mvc, company.eastRep());
        String id = support.customer(mvc, rep, "字段权限测试有限公司", null).get("id").asString();
        support.post(mvc, rep, "/api/v1/customers/" + id + "/contacts",
                "{\"name\":\"周总\",\"phone\":\"13955554444\",\"email\":\"zhou@example.com\",\"wechat\":\"zhouwx88\"}");
        assertThat(support.getJson(mvc, rep, "/api/v1/customers?q=13955554444").get("items").size()).isOne();

        String admin = support.bearer(mvc, "admin");
        long version = support.getJson(mvc, admin, "/api/v1/field-rules").get("version").asLong();
        var saved = support.put(mvc, admin, "/api/v1/field-rules", """
                {"version":%d,"rules":[{"role":"SALES_REP","field":"CONTACT_PHONE","access":"MASKED"},
                                       {"role":"SALES_REP","field":"CONTACT_EMAIL","access":"HIDDEN"}]}"""
                .formatted(version));
        assertThat(saved).hasStatus(200);
        JsonNode rules = support.json(saved);
        assertThat(rules.get("version").asLong()).isEqualTo(version + 1);
        assertThat(rules.get("rules").size()).isEqualTo(2);

        JsonNode own = support.getJson(mvc, rep, "/api/v1/customers/" + id + "/contacts").get("items").get(0);
        assertThat(own.get("phone").asString()).as("masked on the rep's own customer").isEqualTo("139****4444");
        assertThat(own.get("email").isNull()).as("hidden").isTrue();
        assertThat(own.get("wechat").asString()).as("a field without a rule keeps the default").isEqualTo("zhouwx88");
        assertThat(own.get("masked").asBoolean()).isTrue();
        assertThat(support.getJson(mvc, rep, "/api/v1/customers?q=13955554444").get("items").size())
                .as("search never matches what the reader sees masked").isZero();
        String page = page("/customers/" + id, support.session(mvc, company.eastRep()));
        assertThat(page).contains("139****4444").doesNotContain("13955554444", "zhou@example.com", "z***@example.com");
        support.postJson(mvc, rep, "/api/v1/customers/" + id + "/needs-analyses", """
                {"interviewedAt":"%s","painPoints":["跟进靠 Excel"]}""".formatted(TestClock.START));
        String needs = page("/customers/" + id + "/needs-analyses", support.session(mvc, company.eastRep()));
        assertThat(needs).as("the contact to send the needs to, as the rep sees it").contains("id=\"send-needs\"", "周总")
                .doesNotContain("zhou@example.com", "z***@example.com");

        // the rep corrects the contact with what they were shown: the mask and the hidden address keep what they stand for
        var corrected = support.put(mvc, rep, "/api/v1/contacts/" + own.get("id").asString(), """
                {"name":"周总经理","phone":"139****4444","email":null,"wechat":"zhouwx88","version":%d}"""
                .formatted(own.get("version").asLong()));
        assertThat(corrected).hasStatus(200);
        assertThat(support.json(corrected).get("phone").asString()).isEqualTo("139****4444");

        JsonNode manager = support.getJson(mvc, support.bearer(mvc, company.eastManager()),
                "/api/v1/customers/" + id + "/contacts").get("items").get(0);
        assertThat(manager.get("phone").asString()).as("another role keeps the default").isEqualTo("13955554444");
        assertThat(manager.get("email").asString()).isEqualTo("zhou@example.com");
        assertThat(manager.get("name").asString()).isEqualTo("周总经理");
        // a new number is a correction, seen or not
        support.put(mvc, rep, "/api/v1/contacts/" + own.get("id").asString(), """
                {"name":"周总经理","phone":"13955553333","email":null,"wechat":"zhouwx88","version":%d}"""
                .formatted(manager.get("version").asLong()));
        assertThat(support.getJson(mvc, support.bearer(mvc, company.eastManager()), "/api/v1/customers/" + id + "/contacts")
                .get("items").get(0).get("phone").asString()).isEqualTo("13955553333");

        List<Map<String, Object>> audited = jdbc.sql("""
                        select entity_id, field, old_value, new_value from platform_audit_event
                        where entity_type = 'FieldRule' and entity_id = 'SALES_REP' order by id""")
                .query().listOfRows();
        assertThat(audited).extracting(r -> r.get("field") + ":" + r.get("old_value") + "→" + r.get("new_value"))
                .containsSubsequence("CONTACT_PHONE:DEFAULT→MASKED", "CONTACT_EMAIL:DEFAULT→HIDDEN");

        support.fieldRules(mvc, "[]");
        JsonNode restored = support.getJson(mvc, rep, "/api/v1/customers/" + id + "/contacts").get("items").get(0);
        assertThat(restored.get("phone").asString()).isEqualTo("13955553333");
        assertThat(restored.get("email").asString()).isEqualTo("zhou@example.com");
        assertThat(support.getJson(mvc, rep, "/api/v1/customers?q=13955553333").get("items").size()).isOne();
    }

    @Test
    void aLeadsPhoneHiddenForTheRoleOfItsCapturerIsNeitherShownNorFound() {
        var company = support.company("leadfields");
        String rep = support.bearer(mvc, company.eastRep());
        var captured = support.post(mvc, rep, "/api/v1/leads", """
                {"companyName":"隐藏电话线索有限公司","contactName":"吴总","phone":"13766665555","email":"wu@example.com",
                 "region":"西藏","industry":"制造业","source":"TRADE_SHOW"}""");
        assertThat(captured).hasStatus(201);
        String id = support.json(captured).get("id").asString();
        assertThat(support.getJson(mvc, rep, "/api/v1/leads/" + id).get("phone").asString()).isEqualTo("13766665555");

        support.fieldRules(mvc, "[{\"role\":\"SALES_REP\",\"field\":\"LEAD_PHONE\",\"access\":\"HIDDEN\"}]");
        JsonNode lead = support.getJson(mvc, rep, "/api/v1/leads/" + id);
        assertThat(lead.get("phone").isNull()).isTrue();
        assertThat(lead.get("email").asString()).isEqualTo("wu@example.com");
        assertThat(support.getJson(mvc, rep, "/api/v1/leads?q=13766665555").get("items").valueStream()
                .map(l -> l.get("id").asString()).toList()).doesNotContain(id);
        assertThat(page("/leads/" + id, support.session(mvc, company.eastRep()))).doesNotContain("13766665555", "137****5555");
        assertThat(page("/leads/" + id + "/edit", support.session(mvc, company.eastRep())))
                .as("the edit form holds what the reader sees").contains("wu@example.com").doesNotContain("13766665555");

        // corrected without the phone the rep cannot see: the phone stays
        var corrected = support.put(mvc, rep, "/api/v1/leads/" + id, """
                {"companyName":"隐藏电话线索有限公司","contactName":"吴总","phone":null,"email":"wu@example.com",
                 "region":"西藏","industry":"制造业","source":"TRADE_SHOW","version":%d}"""
                .formatted(lead.get("version").asLong()));
        assertThat(corrected).hasStatus(200);
        assertThat(support.getJson(mvc, support.bearer(mvc, company.director()), "/api/v1/leads/" + id).get("phone")
                .asString()).isEqualTo("13766665555");
    }

    /** Walk finding: an e-mail mask edited and sent back was stored, stars and all, in place of the real address. */
    @Test
    void aContactsEditedMaskIsRefusedOnItsFieldOverTheApiAndOnItsFormAndNothingIsStored() throws Exception {
        var company = support.company("maskEdit");
        String rep = support.bearer(mvc, company.eastRep());
        String id = support.customer(mvc, rep, "改掩码联系人有限公司", null).get("id").asString();
        String contactId = support.postJson(mvc, rep, "/api/v1/customers/" + id + "/contacts",
                "{\"name\":\"约翰\",\"phone\":\"13955556666\",\"email\":\"john@example.com\"}").get("id").asString();
        support.fieldRules(mvc, "[{\"role\":\"SALES_REP\",\"field\":\"CONTACT_EMAIL\",\"access\":\"MASKED\"}]");
        JsonNode shown = support.getJson(mvc, rep, "/api/v1/contacts/" + contactId);
        assertThat(shown.get("email").asString()).isEqualTo("j***@example.com");
        long version = shown.get("version").asLong();

        var refused = support.put(mvc, rep, "/api/v1/contacts/" + contactId,
                "{\"email\":\"j***@example.org\",\"version\":" + version + "}");
        assertThat(refused).hasStatus(422);
        JsonNode problem = support.json(refused);
        assertThat(problem.at("/errors/0/field").asString()).isEqualTo("email");
        assertThat(problem.at("/errors/0/code").asString()).isEqualTo("fieldRules.error.maskEdited");
        assertThat(problem.at("/errors/0/message").asString()).contains("still holds the hidden part (***)");

        Cookie session = support.session(mvc, company.eastRep());
        var form = mvc.post().uri("/customers/" + id + "/contacts/" + contactId + "/edit?lang=en").cookie(session)
                .with(csrf()).param("name", "约翰").param("phone", "13955556666").param("email", "j***@example.org")
                .param("language", "zh-CN").param("version", "" + version).exchange();
        assertThat(form).hasStatusOk();
        assertThat(form.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .containsPattern("<input(?=[^>]*id=\"email\")(?=[^>]*is-invalid)[^>]*>")
                .containsPattern("class=\"invalid-feedback\"[^>]*>The value still holds the hidden part \\(\\*\\*\\*\\); "
                        + "type the whole value.<");

        JsonNode stored = support.getJson(mvc, support.bearer(mvc, company.eastManager()), "/api/v1/contacts/" + contactId);
        assertThat(stored.get("email").asString() + " v" + stored.get("version").asLong()).as("nothing stored")
                .isEqualTo("john@example.com v" + version);
        // the mask sent back as shown still keeps the address; a whole new one is a correction
        assertThat(support.put(mvc, rep, "/api/v1/contacts/" + contactId,
                "{\"name\":\"约翰经理\",\"email\":\"j***@example.com\",\"version\":" + version + "}")).hasStatus(200);
        assertThat(support.getJson(mvc, support.bearer(mvc, company.eastManager()), "/api/v1/contacts/" + contactId)
                .get("email").asString()).isEqualTo("john@example.com");
    }

    @Test
    void aLeadsEditedMaskIsRefusedOnItsFieldOverTheApiAndOnItsFormAndNothingIsStored() throws Exception {
        var company = support.company("leadMaskEdit");
        String rep = support.bearer(mvc, company.eastRep());
        var captured = support.post(mvc, rep, "/api/v1/leads", """
                {"companyName":"改掩码线索有限公司","contactName":"吴总","phone":"13766667777","email":"wu.zong@example.com",
                 "region":"西藏","industry":"制造业","source":"TRADE_SHOW"}""");
        assertThat(captured).hasStatus(201);
        String id = support.json(captured).get("id").asString();
        support.fieldRules(mvc, "[{\"role\":\"SALES_REP\",\"field\":\"LEAD_EMAIL\",\"access\":\"MASKED\"}]");
        JsonNode lead = support.getJson(mvc, rep, "/api/v1/leads/" + id);
        assertThat(lead.get("email").asString()).isEqualTo("w***@example.com");
        long version = lead.get("version").asLong();

        var refused = support.put(mvc, rep, "/api/v1/leads/" + id, """
                {"companyName":"改掩码线索有限公司","contactName":"吴总","phone":"13766667777","email":"w***@example.org",
                 "region":"西藏","industry":"制造业","source":"TRADE_SHOW","version":%d}""".formatted(version));
        assertThat(refused).hasStatus(422);
        assertThat(support.json(refused).at("/errors/0/field").asString()).isEqualTo("email");
        assertThat(support.json(refused).at("/errors/0/code").asString()).isEqualTo("fieldRules.error.maskEdited");

        var form = mvc.post().uri("/leads/" + id + "/edit").cookie(support.session(mvc, company.eastRep()))
                .header(org.springframework.http.HttpHeaders.ACCEPT_LANGUAGE, "zh-CN")
                .with(csrf()).param("companyName", "改掩码线索有限公司").param("contactName", "吴总")
                .param("phone", "13766667777").param("email", "w***@example.org").param("region", "西藏")
                .param("industry", "制造业").param("source", "TRADE_SHOW").param("version", "" + version).exchange();
        assertThat(form).hasStatusOk();
        assertThat(form.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .containsPattern("<input(?=[^>]*id=\"email\")(?=[^>]*is-invalid)[^>]*>")
                .contains("该值仍含被隐藏的部分（***）；请输入完整的值。");

        JsonNode stored = support.getJson(mvc, support.bearer(mvc, company.director()), "/api/v1/leads/" + id);
        assertThat(stored.get("email").asString() + " v" + stored.get("version").asLong()).as("nothing stored")
                .isEqualTo("wu.zong@example.com v" + version);
    }

    @Test
    void aDuplicateFoundOnlyThroughAPhoneHiddenFromTheAskerIsNotToldThem() {
        var company = support.company("dupfields");
        String east = support.bearer(mvc, company.eastRep());
        String id = support.customer(mvc, east, "东部电话查重有限公司", null).get("id").asString();
        support.post(mvc, east, "/api/v1/customers/" + id + "/contacts", "{\"name\":\"郑经理\",\"phone\":\"13955554444\"}");
        String west = support.bearer(mvc, company.westRep());
        String probe = """
                {"companyName":"%s","contactName":"某人","phone":"13955554444","source":"TRADE_SHOW"}""";

        // by default a rep of another team learns whom to ask: the phone matched, and the owner
        JsonNode told = duplicateOf(support.post(mvc, west, "/api/v1/leads", probe.formatted("毫不相干贸易甲有限公司")), "CUSTOMER");
        assertThat(told.get("matchedOn").valueStream().map(JsonNode::asString)).containsExactly("PHONE");
        assertThat(told.get("ownerName").asString()).isEqualTo(company.eastRep().displayName());

        // the administrator hides contacts' phones from reps: the phone is not matched for them, as by a search —
        // a hidden phone cannot be probed for whose customer it is
        support.fieldRules(mvc, "[{\"role\":\"SALES_REP\",\"field\":\"CONTACT_PHONE\",\"access\":\"HIDDEN\"}]");
        var captured = support.post(mvc, west, "/api/v1/leads", probe.formatted("毫不相干贸易乙有限公司"));
        assertThat(captured).hasStatus(201);
        assertThat(support.json(captured).get("duplicates").valueStream().map(d -> d.get("kind").asString()))
                .doesNotContain("CUSTOMER");
        assertThat(support.json(captured).toString()).doesNotContain(company.eastRep().displayName(), "东部电话查重");
    }

    @Test
    void aPhoneHiddenFromTheAskerCannotBeProbedForWhichOfTheirOwnRecordsHoldsIt() {
        var company = support.company("dupprobe");
        String rep = support.bearer(mvc, company.eastRep());
        var captured = support.post(mvc, rep, "/api/v1/leads", """
                {"companyName":"探测电话线索有限公司","contactName":"钱总","phone":"13688887777","source":"TRADE_SHOW"}""");
        assertThat(captured).hasStatus(201);
        String leadId = support.json(captured).get("id").asString();
        String manager = support.bearer(mvc, company.eastManager());
        String probe = "{\"companyName\":\"%s\",\"phone\":\"13688887777\"}";

        // the manager reads the rep's lead: by default the probe names it and says the phone matched
        JsonNode named = onlyDuplicate(support.post(mvc, manager, "/api/v1/leads/duplicates", probe.formatted("毫无关联甲公司")));
        assertThat(named.get("id").asString()).isEqualTo(leadId);
        assertThat(named.get("matchedOn").valueStream().map(JsonNode::asString)).containsExactly("PHONE");

        // hidden from managers, the phone is not matched for them, though the manager may open the lead
        support.fieldRules(mvc, "[{\"role\":\"REGIONAL_MANAGER\",\"field\":\"LEAD_PHONE\",\"access\":\"HIDDEN\"}]");
        var probed = support.post(mvc, manager, "/api/v1/leads/duplicates", probe.formatted("毫无关联乙公司"));
        assertThat(probed).hasStatus(200);
        assertThat(support.json(probed).size()).isZero();

        // a lead's name with a phone, its own or another lead's: the same answer, the lead by name alone — so the pair
        // tells nothing of whose the phone is
        var other = support.post(mvc, rep, "/api/v1/leads", """
                {"companyName":"另一探测线索有限公司","contactName":"孙总","phone":"13699990000","source":"TRADE_SHOW"}""");
        assertThat(other).hasStatus(201);
        for (String phone : List.of("13688887777", "13699990000")) {
            var byName = support.post(mvc, manager, "/api/v1/leads/duplicates",
                    "{\"companyName\":\"探测电话线索有限公司\",\"phone\":\"%s\"}".formatted(phone));
            JsonNode byNameOnly = onlyDuplicate(byName);
            assertThat(byNameOnly.get("id").asString()).as(phone).isEqualTo(leadId);
            assertThat(byNameOnly.get("matchedOn").valueStream().map(JsonNode::asString)).as(phone).containsExactly("NAME");
        }
    }

    /** The one duplicate a probe answered. */
    private JsonNode onlyDuplicate(org.springframework.test.web.servlet.assertj.MvcTestResult probed) {
        assertThat(probed).hasStatus(200);
        JsonNode found = support.json(probed);
        assertThat(found.size()).isOne();
        return found.get(0);
    }

    /** The one duplicate of {@code kind} a lead capture reported. */
    private JsonNode duplicateOf(org.springframework.test.web.servlet.assertj.MvcTestResult captured, String kind) {
        assertThat(captured).hasStatus(201);
        List<JsonNode> found = support.json(captured).get("duplicates").valueStream()
                .filter(d -> kind.equals(d.get("kind").asString())).toList();
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    @Test
    void aStaleDoubledOrUnversionedChangeIsRefusedAndChangesNothingAndOnlyAnAdministratorMayChange() {
        var company = support.company("fieldrefusals");
        String admin = support.bearer(mvc, "admin");
        long version = support.getJson(mvc, admin, "/api/v1/field-rules").get("version").asLong();
        String one = "[{\"role\":\"FINANCE\",\"field\":\"CONSIGNEE_PHONE\",\"access\":\"HIDDEN\"}]";

        assertThat(support.put(mvc, admin, "/api/v1/field-rules", "{\"version\":%d,\"rules\":%s}"
                .formatted(version + 5, one))).hasStatus(409);
        assertThat(support.put(mvc, admin, "/api/v1/field-rules", "{\"rules\":" + one + "}")).hasStatus(428);
        var twice = support.put(mvc, admin, "/api/v1/field-rules", """
                {"version":%d,"rules":[{"role":"FINANCE","field":"CONSIGNEE_PHONE","access":"HIDDEN"},
                                       {"role":"FINANCE","field":"CONSIGNEE_PHONE","access":"MASKED"}]}"""
                .formatted(version));
        assertThat(twice).hasStatus(422);
        assertThat(support.json(twice).get("errors").get(0).get("code").asString()).isEqualTo("fieldRules.error.twice");
        assertThat(support.json(twice).get("errors").get(0).get("message").asString()).as("the role and the field in words")
                .contains("Finance", "Consignee phone").doesNotContain("FINANCE").doesNotContain("CONSIGNEE_PHONE");
        assertThat(support.put(mvc, admin, "/api/v1/field-rules", """
                {"version":%d,"rules":[{"role":"NOBODY","field":"CONSIGNEE_PHONE","access":"HIDDEN"}]}"""
                .formatted(version))).hasStatus(400);
        String rep = support.bearer(mvc, company.eastRep());
        assertThat(support.get(mvc, rep, "/api/v1/field-rules")).hasStatus(403);
        assertThat(support.put(mvc, rep, "/api/v1/field-rules", "{\"version\":%d,\"rules\":[]}".formatted(version)))
                .hasStatus(403);

        JsonNode after = support.getJson(mvc, admin, "/api/v1/field-rules");
        assertThat(after.get("version").asLong()).isEqualTo(version);
        assertThat(after.get("rules").size()).isZero();
    }

    @Test
    void theAdministratorsScreenSavesEveryChoiceAndRefusesOneNotOffered() throws Exception {
        var company = support.company("fieldscreen");
        Cookie admin = fixtures.session(mvc, "admin", Fixtures.ADMIN_PASSWORD);
        String screen = page("/admin/field-rules", admin);
        assertThat(screen).contains("name=\"SALES_REP.CONTACT_WECHAT\"", "name=\"OPERATIONS.CONSIGNEE_PHONE\"",
                // each choice says to a screen reader which role and field it is
                "aria-label=\"Contact WeChat for Sales rep\"");
        long version = Long.parseLong(value(screen, "version"));

        var refused = mvc.post().uri("/admin/field-rules").cookie(admin).with(csrf())
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .content("version=" + version + "&SALES_REP.CONTACT_WECHAT=SHOWN").exchange();
        assertThat(refused).hasStatus(400);
        assertThat(support.getJson(mvc, support.bearer(mvc, "admin"), "/api/v1/field-rules").get("rules").size()).isZero();

        var saved = mvc.post().uri("/admin/field-rules").cookie(admin).with(csrf())
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .content("version=" + version + "&SALES_REP.CONTACT_WECHAT=HIDDEN&SALES_REP.CONTACT_PHONE=DEFAULT").exchange();
        assertThat(saved).hasStatus(302);
        JsonNode rules = support.getJson(mvc, support.bearer(mvc, "admin"), "/api/v1/field-rules").get("rules");
        assertThat(rules.size()).isOne();
        assertThat(rules.get(0).get("field").asString()).isEqualTo("CONTACT_WECHAT");
        assertThat(page("/admin/field-rules", admin)).containsPattern(
                "name=\"SALES_REP.CONTACT_WECHAT\"[\\s\\S]*?<option value=\"HIDDEN\" selected");

        var stale = mvc.post().uri("/admin/field-rules").cookie(admin).with(csrf())
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .content("version=" + version + "&SALES_REP.CONTACT_WECHAT=MASKED").exchange();
        assertThat(stale).hasStatus(302);
        assertThat(support.getJson(mvc, support.bearer(mvc, "admin"), "/api/v1/field-rules").get("rules").get(0)
                .get("access").asString()).as("a stale form changes nothing").isEqualTo("HIDDEN");

        assertThat(mvc.get().uri("/admin/field-rules").cookie(support.session(mvc, company.eastRep()))).hasStatus(403);
    }

    private String page(String uri, Cookie session) {
        try {
            return mvc.get().uri(uri).cookie(session).exchange().getResponse().getContentAsString(StandardCharsets.UTF_8);
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String value(String html, String name) {
        Matcher m = Pattern.compile("name=\"" + name + "\"[^>]*value=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor csrf() {
        return org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf();
    }
}
