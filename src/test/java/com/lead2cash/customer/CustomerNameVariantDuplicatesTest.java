package com.lead2cash.customer;

import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.customer.internal.jobs.CustomerNameKeysBackfill;
import com.lead2cash.testing.CustomerTestSupport;
import com.lead2cash.testing.IntegrationTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;

/**
 * The customer duplicate check (查重, before registration and merge) compares a company by the core of
 * its name, as the lead check does: another legal form, the group's forms, full-width or half-width
 * brackets, letters and digits, spaces and traditional characters are one company; another trade of the
 * same brand is not. Customers whose name key was stored by the earlier rule are found once the name-key
 * backfill has run.
 */
@IntegrationTest
class CustomerNameVariantDuplicatesTest {

    @Autowired MockMvcTester mvc;
    @Autowired CustomerTestSupport support;
    @Autowired JdbcClient jdbc;
    @Autowired CustomerNameKeysBackfill backfill;

    String rep;
    /** Keeps this test's company names apart from every other test's in the shared database. */
    String tag;

    @BeforeEach
    void company() {
        tag = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        var company = support.company("nv" + tag);
        rep = support.bearer(mvc, company.eastRep());
    }

    @Test
    void everySpellingOfARegisteredCustomerIsFoundByTheDuplicateCheck() {
        String id = register("北京华信" + tag + "科技有限公司");

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
            assertThat(found.findValuesAsString("id")).as(spelling).containsExactly(id);
            assertThat(found.get(0).get("matchedOn").valueStream().map(JsonNode::asString).toList()).as(spelling)
                    .containsExactly("NAME");
        }
    }

    @Test
    void theGroupsFormsAreOneCompanyAndTheGroupIsNotItsCompany() {
        String group = register("北京华信" + tag + "科技（集团）有限公司");

        for (String spelling : List.of("北京华信" + tag + "科技集团有限公司", "北京华信" + tag + "科技集团股份有限公司",
                "北京华信" + tag + "科技集团公司", "北京華信" + tag + "科技集團有限公司")) {
            assertThat(check(spelling).findValuesAsString("id")).as(spelling).containsExactly(group);
        }
        assertThat(check("北京华信" + tag + "科技有限公司").findValuesAsString("id")).doesNotContain(group);
    }

    @Test
    void registeringAnotherSpellingAnswersTheKnownCustomerAsItsDuplicate() {
        String known = register("北京华信" + tag + "科技有限公司");

        JsonNode registered = support.customer(mvc, rep, "北京華信" + fullWidth(tag) + "科技股份有限公司",
                "\"grade\":\"B\",\"duplicateReason\":\"测试\"");

        assertThat(registered.get("duplicates").findValuesAsString("id")).containsExactly(known);
    }

    @Test
    void anotherTradeOfTheSameBrandIsNotADuplicate() {
        register("北京华信" + tag + "科技有限公司");

        assertThat(check("北京华信" + tag + "软件有限公司").size()).isZero();
        assertThat(check("北京華信" + tag + "軟件有限公司").size()).isZero();
        assertThat(check("上海华信" + tag + "科技有限公司").size()).isZero();
    }

    @Test
    void aCustomerStoredUnderTheEarlierNameKeyIsFoundAfterTheBackfill() {
        String id = register("北京華信" + tag + "科技有限公司");
        // as the earlier rule stored it: traditional characters kept
        jdbc.sql("update customer_customer set name_normalized = :old where id = :id")
                .param("old", "北京華信" + tag.toLowerCase() + "科技").param("id", UUID.fromString(id)).update();
        assertThat(check("北京华信" + tag + "科技有限公司").size()).as("invisible under the earlier key").isZero();
        jdbc.sql("delete from customer_name_key_backfill").update();

        assertThat(backfill.run()).isPositive();

        assertThat(check("北京华信" + tag + "科技有限公司").findValuesAsString("id")).containsExactly(id);
        assertThat(check("北京華信" + tag + "科技有限公司").findValuesAsString("id")).containsExactly(id);
        assertThat(backfill.run()).as("a finished rule version has nothing left").isZero();
    }

    @Test
    void aCustomerReadUnderTheEarlierNameKeyIsSavedUnderTheCurrentOne() {
        JsonNode customer = support.customer(mvc, rep, "北京華信" + tag + "科技有限公司", "\"grade\":\"B\"");
        UUID id = UUID.fromString(customer.get("id").asString());
        jdbc.sql("update customer_customer set name_normalized = :old where id = :id")
                .param("old", "北京華信" + tag.toLowerCase() + "科技").param("id", id).update();

        // a change that leaves the name alone saves the customer all the same: here its grade
        assertThat(support.post(mvc, rep, "/api/v1/customers/" + id + "/grade",
                "{\"grade\":\"A\",\"version\":" + customer.get("version").asLong() + "}")).hasStatusOk();

        assertThat(check("北京华信" + tag + "科技有限公司").findValuesAsString("id")).containsExactly(id.toString());
    }

    private String register(String name) {
        return support.customer(mvc, rep, name, "\"grade\":\"B\"").get("id").asString();
    }

    private JsonNode check(String name) {
        return support.postJson(mvc, rep, "/api/v1/customers/duplicates", "{\"name\":\"" + name + "\"}");
    }

    /** The same letters and digits as typed on a full-width keyboard (ＡＢ１２). */
    private static String fullWidth(String ascii) {
        StringBuilder out = new StringBuilder();
        ascii.chars().forEach(c -> out.append(c > ' ' && c < 0x7f ? (char) (c + 0xFEE0) : (char) c));
        return out.toString();
    }
}
