package com.lead2cash.customer;

import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.opportunity.Opportunities;
import com.lead2cash.testing.CustomerTestSupport;
import com.lead2cash.testing.IntegrationTest;
import com.lead2cash.testing.MutableClock;
import com.lead2cash.testing.TestClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;

/**
 * Merging two customers that are one company (客户合并): contacts, activities, opportunities, deadlines
 * and history move to the survivor in one transaction, the merged customer stays closed and points
 * to it, and the audit trail says who merged what and what moved.
 */
@IntegrationTest
@Import(TestClock.class)
class CustomerMergeTest {

    @Autowired MockMvcTester mvc;
    @Autowired CustomerTestSupport support;
    @Autowired Opportunities opportunities;
    @Autowired MutableClock clock;
    @Autowired JdbcClient jdbc;

    /** The notices of merges into {@code survivor}, as "recipient titleKey link". */
    private List<String> mergeNotices(String survivor) {
        return jdbc.sql("select recipient_id || ' ' || title_key || ' ' || coalesce(link, 'null') from notification_message"
                        + " where title_key like 'customer.notify.merged%' and args::text like :survivor")
                .param("survivor", "%" + jdbc.sql("select code from customer_customer where id = :id")
                        .param("id", UUID.fromString(survivor)).query(String.class).single() + "%").query(String.class).list();
    }

    @Test
    void C5_minutesOwedOnTheMergedCustomersFollowUpsAreOwedByTheSurvivorsOwnerWhoMayWriteThem() {
        clock.set(TestClock.START);
        var company = support.company("mergemin");
        String rep = support.bearer(mvc, company.eastRep());
        String rep2 = support.bearer(mvc, company.eastRep2());
        String a = support.customer(mvc, rep, "合并纪要科技有限公司", null).get("id").asString();
        String b = support.json(support.post(mvc, rep2, "/api/v1/customers",
                "{\"name\":\"合并纪要科技有限公司\",\"duplicateReason\":\"先录再查\"}")).get("id").asString();
        var logged = support.post(mvc, rep2, "/api/v1/activities", """
                {"customerId":"%s","type":"DEMO","occurredAt":"%s","summary":"演示"}
                """.formatted(b, TestClock.START.minus(Duration.ofHours(1))));
        assertThat(logged).hasStatus(201);
        JsonNode demo = support.json(logged);
        String activity = demo.get("id").asString();

        assertThat(support.post(mvc, support.bearer(mvc, company.eastManager()), "/api/v1/customers/" + a + "/merge",
                "{\"mergedId\":\"" + b + "\",\"reason\":\"同一家公司\"}")).hasStatusOk();
        assertThat(jdbc.sql("select owner_id from sop_deadline where rule_id = 'C5' and subject_id = :s and state = 'OPEN'")
                .param("s", activity).query(UUID.class).single())
                .as("rep2 can no longer open the follow-up: the survivor's owner answers for its minutes")
                .isEqualTo(company.eastRep().id());
        assertThat(support.postJson(mvc, rep, "/api/v1/activities/" + activity + "/minutes",
                "{\"minutes\":\"合并后补写的纪要\",\"version\":" + (demo.get("version").asLong() + 1) + "}")
                .get("minutesOwed").asBoolean()).isFalse();
        assertThat(support.deadlines("Activity", activity)).containsExactly("C4:MET", "C5:MET");
    }

    @Test
    void withoutTheBoxTheDuplicateOwnersOpenBusinessStaysWithThemAndBothAreTold() {
        clock.set(TestClock.START);
        var company = support.company("mergekeep");
        String rep = support.bearer(mvc, company.eastRep());
        String rep2 = support.bearer(mvc, company.eastRep2());
        String a = support.customer(mvc, rep, "合并留业务科技有限公司", "\"grade\":\"B\"").get("id").asString();
        String b = support.json(support.post(mvc, rep2, "/api/v1/customers",
                "{\"name\":\"合并留业务科技有限公司\",\"duplicateReason\":\"先录再查\"}")).get("id").asString();
        UUID opportunity = opportunities.open(new Opportunities.NewOpportunity(UUID.fromString(b), "MES 项目",
                new BigDecimal("120000"), company.eastRep2().id(), null));

        assertThat(support.post(mvc, support.bearer(mvc, company.eastManager()), "/api/v1/customers/" + a + "/merge",
                "{\"mergedId\":\"" + b + "\",\"reason\":\"同一家公司\",\"openBusinessFollows\":false}")).hasStatusOk();

        assertThat(jdbc.sql("select customer_id || ' ' || owner_id from opportunity_opportunity where id = :id")
                .param("id", opportunity).query(String.class).single())
                .as("on the survivor, still rep2's").isEqualTo(a + " " + company.eastRep2().id());
        assertThat(mergeNotices(a)).containsExactlyInAnyOrder(
                company.eastRep().id() + " customer.notify.mergedToYou /customers/" + a,
                company.eastRep2().id() + " customer.notify.mergedAway null");
        JsonNode timeline = support.getJson(mvc, rep, "/api/v1/customers/" + a + "/timeline?size=50");
        assertThat(timeline.get("items").valueStream().map(e -> e.get("messageKey").asString()))
                .contains("customer.history.mergedFrom").doesNotContain("customer.history.mergedBusinessFollowed");
    }

    private long count(String sql, Object id) {
        return jdbc.sql(sql).param("id", id).query(Long.class).single();
    }

    @Test
    void aMergeMovesEverythingToTheSurvivorAndLeavesAConsistentAuditTrail() {
        clock.set(TestClock.START);
        var company = support.company("merge");
        String rep = support.bearer(mvc, company.eastRep());
        String rep2 = support.bearer(mvc, company.eastRep2());
        String manager = support.bearer(mvc, company.eastManager());
        JsonNode survivor = support.customer(mvc, rep, "合并测试科技有限公司", "\"grade\":\"B\"");
        String a = survivor.get("id").asString();
        support.post(mvc, rep, "/api/v1/customers/" + a + "/contacts", "{\"name\":\"周总\",\"phone\":\"13600001111\"}");
        var dup = support.post(mvc, rep2, "/api/v1/customers",
                "{\"name\":\"合并测试科技有限公司\",\"industry\":\"软件\",\"address\":\"杭州市西湖区\",\"duplicateReason\":\"先录再查\"}");
        JsonNode merged = support.json(dup);
        // rep2 cannot see rep's customer: the duplicate is reported without its name, with its owner
        JsonNode duplicate = merged.get("duplicates").get(0);
        assertThat(duplicate.get("visible").asBoolean()).isFalse();
        assertThat(duplicate.get("name").isNull()).isTrue();
        assertThat(duplicate.get("ownerName").asString()).isEqualTo(company.eastRep().displayName());
        assertThat(duplicate.get("matchedOn").get(0).asString()).isEqualTo("NAME");
        String b = merged.get("id").asString();
        support.post(mvc, rep2, "/api/v1/customers/" + b + "/contacts", "{\"name\":\"吴工\",\"email\":\"wu@example.com\"}");
        clock.advance(Duration.ofDays(2));
        rep2 = support.bearer(mvc, company.eastRep2());
        support.post(mvc, rep2, "/api/v1/activities", """
                {"customerId":"%s","type":"VISIT","occurredAt":"%s","summary":"拜访吴工"}""".formatted(b, clock.instant()));
        support.post(mvc, rep2, "/api/v1/activities", """
                {"customerId":"%s","type":"DEMO","occurredAt":"%s","summary":"演示"}""".formatted(b, clock.instant().minusSeconds(60)));
        UUID opportunity = opportunities.open(new Opportunities.NewOpportunity(UUID.fromString(b), "ERP 项目",
                new BigDecimal("300000"), company.eastRep2().id(), null));
        String complaint = support.postJson(mvc, rep2, "/api/v1/complaints", """
                {"customerId":"%s","category":"PRODUCT","severity":"MINOR","description":"网关偶发掉线","receivedVia":"PHONE"}"""
                .formatted(b)).get("id").asString();

        // a rep may not merge (403 for the role); the manager above both may
        assertThat(support.post(mvc, support.bearer(mvc, company.eastRep()), "/api/v1/customers/" + a + "/merge",
                "{\"mergedId\":\"" + b + "\",\"reason\":\"同一公司\"}")).hasStatus(403);
        var result = support.post(mvc, support.bearer(mvc, company.eastManager()), "/api/v1/customers/" + a + "/merge",
                "{\"mergedId\":\"" + b + "\",\"reason\":\"同一家公司，重复录入\"}");
        assertThat(result).hasStatusOk();
        JsonNode answer = support.json(result);
        assertThat(answer.get("moved").get("contacts").asInt()).isEqualTo(1);
        assertThat(answer.get("moved").get("activities").asInt()).isEqualTo(2);
        assertThat(answer.get("moved").get("opportunities").asInt()).isEqualTo(1);
        // the merged customer's open complaint is the survivor's rep's to answer now (its old rep took it: still its handler)
        assertThat(support.get(mvc, support.bearer(mvc, company.eastRep()), "/api/v1/complaints/" + complaint)).hasStatus(200);
        JsonNode s = answer.get("survivor");
        assertThat(s.get("industry").asString()).isEqualTo("软件");
        assertThat(s.get("address").asString()).isEqualTo("杭州市西湖区");
        // the merged record had an open opportunity (销售机会); the company is as far along as the further record
        assertThat(s.get("status").asString()).isEqualTo("OPPORTUNITY");
        assertThat(s.get("ownerId").asString()).isEqualTo(company.eastRep().id().toString());

        assertThat(count("select count(*) from customer_contact where customer_id = :id", UUID.fromString(a))).isEqualTo(2);
        assertThat(count("select count(*) from customer_contact where customer_id = :id and is_primary", UUID.fromString(a))).isEqualTo(1);
        assertThat(count("select count(*) from customer_activity where customer_id = :id", UUID.fromString(b))).isZero();
        assertThat(count("select count(*) from opportunity_opportunity where customer_id = :id", UUID.fromString(a))).isEqualTo(1);
        assertThat(jdbc.sql("select customer_id from opportunity_opportunity where id = :id").param("id", opportunity)
                .query(UUID.class).single()).isEqualTo(UUID.fromString(a));
        // rep2 lost the customer: the open opportunity they held of it went to the survivor's owner (decision 0023),
        // and both were told, once each
        assertThat(jdbc.sql("select owner_id from opportunity_opportunity where id = :id").param("id", opportunity)
                .query(UUID.class).single()).isEqualTo(company.eastRep().id());
        assertThat(mergeNotices(a)).containsExactlyInAnyOrder(
                company.eastRep().id() + " customer.notify.mergedToYouWithBusiness /customers/" + a,
                company.eastRep2().id() + " customer.notify.mergedAwayWithBusiness null");
        // the merged customer's follow-up deadline is closed; the survivor follows up from the latest follow-up of both
        assertThat(support.deadlines("Customer", b)).last().asString().isIn("C2:CANCELLED", "C2:MET");
        assertThat(support.deadlines("Customer", a)).last().isEqualTo("C2:OPEN");
        assertThat(java.time.Instant.parse(s.get("lastActivityAt").asString())).isEqualTo(clock.instant());

        JsonNode closed = support.getJson(mvc, manager, "/api/v1/customers/" + b);
        assertThat(closed.get("mergedIntoId").asString()).isEqualTo(a);
        assertThat(closed.get("availableActions").size()).isZero();
        assertThat(support.post(mvc, manager, "/api/v1/customers/" + a + "/merge",
                "{\"mergedId\":\"" + b + "\",\"reason\":\"again\"}")).hasStatus(422)
                .bodyJson().extractingPath("$.code").isEqualTo("customer.merged");
        assertThat(support.getJson(mvc, manager, "/api/v1/customers?q={q}", "合并测试").get("items").size()).isEqualTo(1);

        JsonNode timeline = support.getJson(mvc, manager, "/api/v1/customers/" + a + "/timeline?size=50");
        assertThat(timeline.get("items").valueStream().map(e -> e.get("kind").asString()))
                .contains("activity", "opportunity", "event", "deadline");
        assertThat(timeline.get("items").valueStream().map(e -> e.get("messageKey").asString()))
                .contains("customer.history.mergedFrom", "customer.history.created", "customer.history.mergedBusinessFollowed");
        // the merged customer's deadlines that ran are the survivor's history too
        List<String> mergedDeadlines = jdbc.sql("select 'deadline:' || id from sop_deadline where subject_type = 'Customer'"
                + " and subject_id = :b and not (state = 'CANCELLED' and breached_at is null)").param("b", b).query(String.class).list();
        assertThat(mergedDeadlines).isNotEmpty();
        assertThat(keys(timeline)).containsAll(mergedDeadlines);
        // paged two at a time, the timeline is the same entries in the same order: each source resumes at the cursor
        List<String> paged = new ArrayList<>();
        String cursor = "";
        do {
            JsonNode page = support.getJson(mvc, manager, "/api/v1/customers/" + a + "/timeline?size=2&cursor={c}", cursor);
            paged.addAll(keys(page));
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
        } while (cursor != null);
        assertThat(paged).containsExactlyElementsOf(keys(timeline));

        String audit = jdbc.sql("select actor_name || ' ' || detail from platform_audit_event where action = 'customer.merged' and entity_id = :id")
                .param("id", a).query(String.class).single();
        assertThat(audit).startsWith(company.eastManager().username()).contains(merged.get("code").asString())
                .contains(survivor.get("code").asString()).contains("contacts=1").contains("activities=2")
                .contains("opportunities=1").contains("同一家公司");
        assertThat(count("select count(*) from platform_audit_event where entity_type = 'Customer' and entity_id = cast(:id as text) and field = 'mergedIntoId'", b))
                .isEqualTo(1);
    }

    private static List<String> keys(JsonNode timelinePage) {
        return timelinePage.get("items").valueStream().map(e -> e.get("key").asString()).toList();
    }
}
