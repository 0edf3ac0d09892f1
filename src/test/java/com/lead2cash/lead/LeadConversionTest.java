package com.lead2cash.lead;

import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.testing.Fixtures;
import com.lead2cash.testing.IntegrationTest;
import com.lead2cash.testing.LeadTestSupport;
import com.lead2cash.testing.LeadTestSupport.Company;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;

/** Conversion keeps what the rep knew: product line, purchase date, and the contacts made as a lead. */
@IntegrationTest
class LeadConversionTest {

    @Autowired MockMvcTester mvc;
    @Autowired LeadTestSupport support;
    @Autowired com.lead2cash.testing.HeldFirst heldFirst;
    @Autowired Fixtures fixtures;
    @Autowired JdbcClient jdbc;

    Company co;
    String marketing;
    String rep;

    @BeforeEach
    void company() {
        co = support.company(mvc, UUID.randomUUID().toString().substring(0, 6));
        marketing = support.bearer(mvc, co.marketing().username());
        rep = support.bearer(mvc, co.senior().username());
    }

    /** A grade-A lead (product line CRM) for the senior rep, contacted once; its id. */
    private String contactedLead(String company, String phone, String purchaseDate) {
        JsonNode lead = support.postJson(mvc, marketing, "/api/v1/leads", co.gradeALead(company, phone)
                .replaceFirst("\"purchaseDate\":\"[^\"]+\"", "\"purchaseDate\":\"" + purchaseDate + "\""));
        assertThat(lead.get("ownerId").asString()).isEqualTo(co.senior().id().toString());
        String id = lead.get("id").asString();
        support.postJson(mvc, rep, "/api/v1/leads/" + id + "/contact-attempts",
                "{\"channel\":\"phone\",\"intent\":\"HIGH\",\"summary\":\"已电话沟通，下周演示\"}");
        return id;
    }

    /**
     * A contact attempt dated a century back (1900, or 1800 past the years any date may have) is refused with the one
     * range the field takes — from a day before the lead was assigned to now — and is not the lead's first response.
     */
    @Test
    void aContactAttemptDatedLongBeforeTheLeadIsRefusedWithItsOwnRange() {
        JsonNode lead = support.postJson(mvc, marketing, "/api/v1/leads", co.gradeALead("联系时间范围科技", "13800000079"));
        String id = lead.get("id").asString();
        java.util.Set<String> messages = new java.util.HashSet<>();
        for (String typed : java.util.List.of("1900-01-01T10:00:00+08:00", "1800-01-01T10:00:00+08:00",
                "2999-01-01T10:00:00+08:00")) {
            var refused = mvc.post().uri("/api/v1/leads/" + id + "/contact-attempts").header(HttpHeaders.AUTHORIZATION, rep)
                    .header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN").contentType(MediaType.APPLICATION_JSON)
                    .content("{\"channel\":\"phone\",\"intent\":\"HIGH\",\"summary\":\"补记\",\"occurredAt\":\""
                            + typed + "\"}").exchange();
            assertThat(refused).as(typed).hasStatus(422);
            JsonNode error = support.json(refused).get("errors").get(0);
            assertThat(error.get("field").asString()).as(typed).isEqualTo("occurredAt");
            messages.add(error.get("message").asString());
        }
        assertThat(messages).singleElement().asString().startsWith("联系时间须在 ").endsWith("至现在之间（不早于线索分配——未分配的为录入——前一天）。")
                .doesNotContain("1900", "2199");
        assertThat(support.getJson(mvc, rep, "/api/v1/leads/" + id + "/contact-attempts").size()).isZero();
        JsonNode firstContact = support.getJson(mvc, rep, "/api/v1/leads/" + id).path("firstContactAt");
        assertThat(firstContact.isNull() || firstContact.isMissingNode()).as("no first response").isTrue();
    }

    @Test
    void theOpportunityTakesTheLeadsProductLineAndItsPurchaseDateAsTheCloseDate() {
        String purchase = co.today().plusDays(45).toString();
        String id = contactedLead("转化产品线科技", "13800000071", purchase);

        JsonNode converted = support.postJson(mvc, rep, "/api/v1/leads/" + id + "/convert",
                "{\"createOpportunity\":true}");

        JsonNode opportunity = support.getJson(mvc, rep, "/api/v1/opportunities/" + converted.get("opportunityId").asString());
        assertThat(opportunity.get("productLines").valueStream().map(JsonNode::asString).toList()).containsExactly("CRM");
        assertThat(opportunity.get("expectedCloseDate").asString()).isEqualTo(purchase);
    }

    @Test
    void aPurchaseDateAlreadyPastLeavesTheCloseDateEmpty() {
        String id = contactedLead("转化过期日期科技", "13800000072", co.today().minusDays(3).toString());

        JsonNode converted = support.postJson(mvc, rep, "/api/v1/leads/" + id + "/convert",
                "{\"createOpportunity\":true,\"amount\":100000}");

        JsonNode opportunity = support.getJson(mvc, rep, "/api/v1/opportunities/" + converted.get("opportunityId").asString());
        assertThat(opportunity.get("expectedCloseDate").isNull()).isTrue();
        assertThat(opportunity.get("productLines").valueStream().map(JsonNode::asString).toList()).containsExactly("CRM");
    }

    @Test
    void theLeadsContactAttemptsAreOnTheCustomersTimelineAndSetItsLastActivity() {
        String id = contactedLead("转化联系记录科技", "13800000073", co.today().plusDays(20).toString());
        JsonNode attempt = support.getJson(mvc, rep, "/api/v1/leads/" + id + "/contact-attempts").get(0);

        JsonNode converted = convert(id, "zh-CN");
        String customerId = converted.get("customerId").asString();

        JsonNode activities = read("/api/v1/activities?customerId=" + customerId, "zh-CN").get("items");
        assertThat(activities).hasSize(1);
        JsonNode activity = activities.get(0);
        assertThat(activity.get("type").asString()).isEqualTo("CALL");
        assertThat(Instant.parse(activity.get("occurredAt").asString()))
                .isEqualTo(Instant.parse(attempt.get("occurredAt").asString()));
        assertThat(activity.get("summary").asString()).isEqualTo("高意向，线索阶段联系：已电话沟通，下周演示");
        assertThat(activity.get("loggedBy").asString()).isEqualTo(co.senior().id().toString());
        assertThat(activity.get("late").asBoolean()).as("logged in time on the lead").isFalse();
        assertThat(activity.get("contactIds").valueStream().map(JsonNode::asString).toList())
                .containsExactly(converted.get("contactId").asString());

        JsonNode customer = support.getJson(mvc, rep, "/api/v1/customers/" + customerId);
        assertThat(Instant.parse(customer.get("lastActivityAt").asString()))
                .isEqualTo(Instant.parse(attempt.get("occurredAt").asString()));
        // converting again carries nothing twice
        support.postJson(mvc, rep, "/api/v1/leads/" + id + "/convert", "{}");
        assertThat(support.getJson(mvc, rep, "/api/v1/activities?customerId=" + customerId).get("items")).hasSize(1);
    }

    /** Converts the lead as the rep, in the language given. */
    private JsonNode convert(String leadId, String language) {
        return support.json(mvc.post().uri("/api/v1/leads/" + leadId + "/convert")
                .header(HttpHeaders.AUTHORIZATION, rep).header(HttpHeaders.ACCEPT_LANGUAGE, language)
                .contentType(MediaType.APPLICATION_JSON).content("{}").exchange());
    }

    private JsonNode read(String uri, String language) {
        return support.json(mvc.get().uri(uri).header(HttpHeaders.AUTHORIZATION, rep)
                .header(HttpHeaders.ACCEPT_LANGUAGE, language).exchange());
    }

    /**
     * A contact attempt carried to the customer is said in the language of whoever reads it — on the activity, the
     * timeline and the customer's page — not in that of the rep who converted: converted in English, read in Chinese,
     * and the other way round.
     */
    @Test
    void aCarriedContactAttemptIsSaidInTheReadersLanguageNotTheConvertersOne() {
        for (String[] languages : new String[][] {{"en", "zh-CN"}, {"zh-CN", "en"}}) {
            String id = contactedLead("转化语言科技" + languages[0], "en".equals(languages[0]) ? "13800000074" : "13800000075",
                    co.today().plusDays(20).toString());
            String customerId = convert(id, languages[0]).get("customerId").asString();

            for (String reader : languages) {
                String said = "en".equals(reader) ? "High intent, contacted as a lead: 已电话沟通，下周演示"
                        : "高意向，线索阶段联系：已电话沟通，下周演示";
                String as = "converted in " + languages[0] + ", read in " + reader;
                JsonNode activity = read("/api/v1/activities?customerId=" + customerId, reader).get("items").get(0);
                assertThat(activity.get("summary").asString()).as(as).isEqualTo(said);
                assertThat(read("/api/v1/activities/" + activity.get("id").asString(), reader).get("summary").asString())
                        .as(as).isEqualTo(said);
                assertThat(read("/api/v1/customers/" + customerId + "/timeline", reader).get("items").valueStream()
                        .filter(e -> e.get("kind").asString().equals("activity")).map(e -> e.get("text").asString())
                        .toList()).as(as).singleElement(InstanceOfAssertFactories.STRING).contains(said);
                assertThat(mvc.get().uri("/customers/" + customerId + "?lang=" + reader)
                        .cookie(fixtures.session(mvc, co.senior().username(), Fixtures.PASSWORD)))
                        .as(as).hasStatusOk().bodyText().contains(said);
            }
        }
    }

    /**
     * V202612130500: a follow-up carried before, stored said in the converter's language, is taken apart into its key,
     * intent and words and read in the reader's language; one logged by hand in the same words, or corrected since,
     * stays as written.
     */
    @Test
    void aFollowUpCarriedBeforeInTheConvertersWordsIsReadInTheReadersLanguageAfterTheMigration() throws Exception {
        String id = contactedLead("转化旧记录科技", "13800000076", co.today().plusDays(20).toString());
        String customerId = convert(id, "zh-CN").get("customerId").asString();
        UUID customer = UUID.fromString(customerId);
        // as conversions stored it before: the sentence said once, in English
        jdbc.sql("""
                update customer_activity set summary = 'High intent, contacted as a lead: 已电话沟通，下周演示',
                    summary_key = null, summary_args = null where customer_id = :c""").param("c", customer).update();
        jdbc.sql("""
                insert into customer_activity (id, customer_id, type, occurred_at, logged_at, logged_by, contact_ids, summary,
                    late, log_due_at, version, updated_at)
                select :id, customer_id, type, occurred_at - interval '1 hour', logged_at, logged_by, contact_ids,
                    'Low intent, contacted as a lead: 手写的', false, logged_at + interval '2 days', 0, updated_at
                from customer_activity where customer_id = :c""").param("id", UUID.randomUUID()).param("c", customer)
                .update();
        String migration = new ClassPathResource("db/migration/V202612130500__customer_activity_summary_said_when_read.sql")
                .getContentAsString(StandardCharsets.UTF_8);
        // its rows' part (the columns are there), run twice: the second changes nothing
        String rows = migration.substring(migration.indexOf("update customer_activity"));
        jdbc.sql(rows).update();
        assertThat(jdbc.sql(rows).update()).isZero();

        assertThat(read("/api/v1/activities?customerId=" + customerId, "zh-CN").get("items").valueStream()
                .map(a -> a.get("summary").asString()).toList())
                .containsExactly("高意向，线索阶段联系：已电话沟通，下周演示", "Low intent, contacted as a lead: 手写的");
        assertThat(jdbc.sql("select summary from customer_activity where customer_id = :c and summary_key is not null")
                .param("c", customer).query(String.class).list()).containsExactly("已电话沟通，下周演示");
    }

    /**
     * A conversion registers its customer as a registration by hand does, holding its name until it commits: the
     * registration by hand of the same company sent meanwhile waits for it, then finds it and asks for the reason.
     */
    @Test
    void aRegistrationOfTheCompanyALeadIsBeingConvertedToWaitsForTheConversionAndAsksForTheReason() throws Exception {
        String id = contactedLead("转化并发查重科技", "13800000074", co.today().plusDays(20).toString());
        // the token's last use is touched now, not inside the held request: else the second would wait at its sign-in
        support.json(mvc.get().uri("/api/v1/leads/" + id).header(HttpHeaders.AUTHORIZATION, rep).exchange());

        var sent = heldFirst.race(() -> support.post(mvc, rep, "/api/v1/leads/" + id + "/convert", "{}"),
                () -> support.post(mvc, rep, "/api/v1/customers", "{\"name\":\"转化并发查重科技\"}"));

        assertThat(sent.first()).hasStatus(200);
        assertThat(sent.second()).as("the second waited and found the converted customer").hasStatus(422);
        assertThat(support.json(sent.second()).at("/errors/0/code").asString())
                .isEqualTo("customer.duplicates.reason.required");
    }
}
