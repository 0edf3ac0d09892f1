package com.lead2cash.lead;

import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.platform.SearchKeyStatistics;
import com.lead2cash.platform.SearchKeys;
import com.lead2cash.testing.IntegrationTest;
import com.lead2cash.testing.LeadTestSupport;
import com.lead2cash.testing.LeadTestSupport.Company;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** Lead search: any fragment of two characters or more of the company or contact, a phone fragment, a whole code. */
@IntegrationTest
class LeadSearchTest {

    @Autowired MockMvcTester mvc;
    @Autowired LeadTestSupport support;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    Company co;
    String marketing;
    String manager;
    String huawei;
    String meida;
    String huaweiCode;

    @BeforeEach
    void leads() {
        co = support.company(mvc, UUID.randomUUID().toString().substring(0, 6));
        marketing = support.bearer(mvc, co.marketing().username());
        // the region's manager sees this company's leads only (each test makes a company of its own)
        manager = support.bearer(mvc, co.eastManager().username());
        var first = support.postJson(mvc, marketing, "/api/v1/leads", co.gradeALead("杭州华为科技有限公司", "138 1234 5678"));
        huawei = first.get("id").asString();
        huaweiCode = first.get("code").asString();
        meida = support.postJson(mvc, marketing, "/api/v1/leads", co.gradeBLead("佛山美达电器有限公司", "0757-83216549"))
                .get("id").asString();
    }

    private List<String> found(String token, String q) {
        // the request builder encodes the query itself
        return support.getJson(mvc, token, "/api/v1/leads?q=" + q).get("items").findValuesAsString("id");
    }

    /** The lead's JSON with the version read, as a correction sends it. */
    private static String withVersion(String json, long version) {
        return json.substring(0, json.lastIndexOf('}')) + ",\"version\":" + version + "}";
    }

    @Test
    void twoChineseCharactersOfTheNameAreEnough() {
        assertThat(found(manager, "华为")).containsExactly(huawei);
        assertThat(found(manager, "美达")).containsExactly(meida);
        assertThat(found(manager, "有限公司")).containsExactlyInAnyOrder(huawei, meida);
        assertThat(found(manager, "为美")).isEmpty();
    }

    @Test
    void theFullNameTheContactAndPartsOfTheNumberFindTheLead() {
        assertThat(found(manager, "杭州华为科技有限公司")).containsExactly(huawei);
        assertThat(found(manager, "王经理")).containsExactly(huawei);
        assertThat(found(manager, "1234567")).containsExactly(huawei);
        assertThat(found(manager, "138-1234")).containsExactly(huawei);
        assertThat(found(manager, "１２３４５６７")).as("full-width digits").containsExactly(huawei);
        assertThat(found(manager, "83216549")).containsExactly(meida);
        assertThat(found(manager, "7654321")).isEmpty();
    }

    /** PostgreSQL's statistics name the keys nearly every lead holds; a full name still finds its lead. */
    @Test
    void theStatisticsCallTheLegalSuffixCommonAndAFullNameStillFindsItsLead() {
        for (int i = 0; i < 8; i++) {
            support.postJson(mvc, marketing, "/api/v1/leads", co.gradeBLead("上海第" + i + "贸易有限公司", "139 0000 100" + i));
        }
        jdbc.sql("analyze lead_lead").update();
        Map<String, Double> common = new SearchKeyStatistics(jdbc, clock).frequencies("lead_lead", "search_keys");
        assertThat(common.get("公司")).isGreaterThan(SearchKeys.COMMON);
        assertThat(SearchKeys.selective(SearchKeys.required("杭州华为科技有限公司").get(0), common)).doesNotContain("公司");
        assertThat(found(manager, "杭州华为科技有限公司")).containsExactly(huawei);
        assertThat(found(manager, "有限公司")).contains(huawei, meida);
    }

    /**
     * A term without a letter or digit holds no search key: it matches nothing, answered without reading every
     * lead in scope for an ilike (the customer search answers the same), even where a name holds it.
     */
    @Test
    void aTermWithoutALetterOrDigitMatchesNothingWithoutAQuery() {
        String smiley = support.postJson(mvc, marketing, "/api/v1/leads", co.gradeBLead("😀笑脸贸易有限公司", "0571-88776655"))
                .get("id").asString();
        assertThat(found(manager, "笑脸贸易")).containsExactly(smiley);
        assertThat(found(manager, "😀")).isEmpty();
        assertThat(found(manager, "--")).isEmpty();
    }

    @Test
    void aWholeCodeInAnyCaseFindsExactlyThatLead() {
        assertThat(found(manager, huaweiCode.toLowerCase())).containsExactly(huawei);
        assertThat(found(manager, huaweiCode.substring(0, 7) + "999999")).isEmpty();
        // part of a code is a fragment like any other
        assertThat(found(manager, huaweiCode.substring(2))).containsExactly(huawei);
    }

    @Test
    void searchStaysWithinTheDataScope() {
        String westRep = support.bearer(mvc, co.westRep().username());
        assertThat(found(westRep, "华为")).isEmpty();
        assertThat(found(support.bearer(mvc, co.senior().username()), "华为")).containsExactly(huawei);
    }

    @Test
    void correctedDataIsFoundByItsNewNameOnly() {
        long version = support.getJson(mvc, marketing, "/api/v1/leads/" + meida).get("version").asLong();
        var corrected = mvc.put().uri("/api/v1/leads/" + meida)
                .header("Authorization", manager).contentType("application/json")
                .content(withVersion(co.gradeBLead("佛山恒瑞电器有限公司", "0757-83216549"), version))
                .exchange();
        assertThat(corrected).hasStatusOk();
        assertThat(found(manager, "恒瑞")).containsExactly(meida);
        assertThat(found(manager, "美达")).isEmpty();
    }

    @Test
    void everyLeadIsStoredWithTheKeysItIsSearchedBy() {
        List<String> keys = jdbc.sql("select unnest(search_keys) from lead_lead where id = cast(:id as uuid)")
                .param("id", huawei).query(String.class).list();
        assertThat(keys).contains("华为", "科技", "王经", "#1381", "#5678").doesNotContain("13", "华");
    }
}
