package com.lead2cash.lead;

import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.lead.internal.jobs.LeadNameKeysBackfill;
import com.lead2cash.testing.IntegrationTest;
import com.lead2cash.testing.LeadTestSupport;
import com.lead2cash.testing.LeadTestSupport.Company;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;

/**
 * The lead duplicate check (查重) compares a company by the core of its name: another legal form, the
 * group's forms, full-width or half-width brackets, letters and digits, spaces and traditional
 * characters are one company; another trade of the same brand is not. Leads whose name key was stored
 * by the earlier rule are found once the name-key backfill has run.
 */
@IntegrationTest
class LeadNameVariantDuplicatesTest {

    @Autowired MockMvcTester mvc;
    @Autowired LeadTestSupport support;
    @Autowired JdbcClient jdbc;
    @Autowired LeadNameKeysBackfill backfill;

    Company co;
    String marketing;
    /** Keeps this test's company names apart from every other test's in the shared database. */
    String tag;

    @BeforeEach
    void company() {
        co = support.company(mvc, UUID.randomUUID().toString().substring(0, 6));
        marketing = support.bearer(mvc, co.marketing().username());
        tag = co.tag().toUpperCase();
    }

    @Test
    void everySpellingOfACapturedCompanyIsFoundByTheDuplicateCheck() {
        String code = capture("北京华信" + tag + "科技有限公司");

        for (String spelling : List.of(
                "北京华信" + tag + "科技有限责任公司",
                "北京华信" + tag + "科技股份有限公司",
                "北京华信" + tag + "科技股份公司",
                "北京华信" + tag + "科技（有限公司）",
                "北京华信" + tag + "科技(有限公司)",
                "北京 华信 " + tag + " 科技 有限公司",
                "北京华信" + fullWidth(tag) + "科技有限公司",
                "北京华信" + tag.toLowerCase() + "科技有限公司",
                "北京華信" + tag + "科技有限公司",
                "北京華信" + tag + "科技有限責任公司")) {
            JsonNode found = check(spelling);
            assertThat(found.findValuesAsString("code")).as(spelling).containsExactly(code);
            assertThat(found.get(0).get("matchedOn").valueStream().map(JsonNode::asString).toList()).as(spelling)
                    .containsExactly("NAME");
        }
    }

    @Test
    void theGroupsFormsAreOneCompanyAndTheGroupIsNotItsCompany() {
        String group = capture("北京华信" + tag + "科技集团有限公司");

        for (String spelling : List.of("北京华信" + tag + "科技集团股份有限公司", "北京华信" + tag + "科技（集团）有限公司",
                "北京华信" + tag + "科技(集团)股份有限公司", "北京华信" + tag + "科技集团公司", "北京華信" + tag + "科技集團有限公司")) {
            assertThat(check(spelling).findValuesAsString("code")).as(spelling).containsExactly(group);
        }
        assertThat(check("北京华信" + tag + "科技有限公司").findValuesAsString("code")).doesNotContain(group);
    }

    @Test
    void aCaptureInTraditionalCharactersAnswersTheKnownLeadAsItsDuplicate() {
        String known = capture("北京华信" + tag + "科技有限公司");

        JsonNode captured = support.postJson(mvc, marketing, "/api/v1/leads",
                co.gradeBLead("北京華信" + tag + "科技股份有限公司", phone()));

        assertThat(captured.get("duplicates").findValuesAsString("code")).containsExactly(known);
    }

    @Test
    void anotherTradeOfTheSameBrandIsNotADuplicate() {
        capture("北京华信" + tag + "科技有限公司");

        assertThat(check("北京华信" + tag + "软件有限公司").size()).isZero();
        assertThat(check("北京華信" + tag + "軟件有限公司").size()).isZero();
        assertThat(check("上海华信" + tag + "科技有限公司").size()).isZero();
    }

    @Test
    void aLeadStoredUnderTheEarlierNameKeyIsFoundAfterTheBackfill() {
        String code = capture("北京華信" + tag + "科技有限公司");
        // as the earlier rule stored it: traditional characters kept
        jdbc.sql("update lead_lead set company_name_normalized = :old where code = :code")
                .param("old", "北京華信" + tag.toLowerCase() + "科技").param("code", code).update();
        assertThat(check("北京华信" + tag + "科技有限公司").size()).as("invisible under the earlier key").isZero();
        jdbc.sql("delete from lead_name_key_backfill").update();

        assertThat(backfill.run()).isPositive();

        assertThat(check("北京华信" + tag + "科技有限公司").findValuesAsString("code")).containsExactly(code);
        assertThat(check("北京華信" + tag + "科技有限公司").findValuesAsString("code")).containsExactly(code);
        assertThat(backfill.run()).as("a finished rule version has nothing left").isZero();
    }

    @Test
    void aLeadReadUnderTheEarlierNameKeyIsSavedUnderTheCurrentOne() {
        JsonNode lead = support.postJson(mvc, marketing, "/api/v1/leads", co.gradeBLead("北京華信" + tag + "科技有限公司", phone()));
        String id = lead.get("id").asString();
        jdbc.sql("update lead_lead set company_name_normalized = :old where id = :id")
                .param("old", "北京華信" + tag.toLowerCase() + "科技").param("id", UUID.fromString(id)).update();

        // a change that leaves the name alone saves the lead all the same: here its grade
        assertThat(support.post(mvc, support.bearer(mvc, co.eastManager().username()), "/api/v1/leads/" + id + "/regrade",
                "{\"grade\":\"C\",\"reason\":\"预算取消\",\"version\":" + lead.get("version").asLong() + "}"))
                .hasStatusOk();

        assertThat(check("北京华信" + tag + "科技有限公司").findValuesAsString("id")).containsExactly(id);
    }

    private String capture(String companyName) {
        return support.postJson(mvc, marketing, "/api/v1/leads", co.gradeBLead(companyName, phone())).get("code").asString();
    }

    private JsonNode check(String companyName) {
        return support.postJson(mvc, marketing, "/api/v1/leads/duplicates", "{\"companyName\":\"" + companyName + "\"}");
    }

    private static String phone() {
        return "139" + String.format("%08d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 100_000_000L));
    }

    /** The same letters and digits as typed on a full-width keyboard (ＡＢ１２). */
    private static String fullWidth(String ascii) {
        StringBuilder out = new StringBuilder();
        ascii.chars().forEach(c -> out.append(c > ' ' && c < 0x7f ? (char) (c + 0xFEE0) : (char) c));
        return out.toString();
    }
}
