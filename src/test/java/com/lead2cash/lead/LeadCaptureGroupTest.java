package com.lead2cash.lead;

import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.lead.internal.capture.LeadCapture;
import com.lead2cash.lead.internal.domain.LeadDraft;
import com.lead2cash.testing.IntegrationTest;
import com.lead2cash.testing.LeadTestSupport;
import com.lead2cash.testing.LeadTestSupport.Company;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;

/**
 * Captures that arrive while the capture lanes are busy share one transaction (group commit,
 * {@code LeadCapture.together}): each is still made as its submitter — captured by them, audited as
 * them, its duplicates disclosed by their scope — and one that the SOP refuses is refused alone.
 */
@IntegrationTest
class LeadCaptureGroupTest {

    @Autowired MockMvcTester mvc;
    @Autowired LeadTestSupport support;
    @Autowired LeadCapture capture;
    @Autowired MeterRegistry meters;
    @Autowired JdbcClient jdbc;
    @Value("${l2c.lead.capture-group.lanes}") int lanes;

    final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    private double counted(String meter) {
        return meters.get(meter).functionCounter().count();
    }

    private double waiting() {
        return meters.get("l2c.lead.capture.waiting").gauge().value();
    }

    /** Only a bound against a hang: every wait below ends as soon as the state it waits for is reached. */
    private static final Duration WAIT = Duration.ofSeconds(90);

    private static void await(Callable<Boolean> condition) {
        Awaitility.await().atMost(WAIT).until(condition);
    }

    private String leadColumn(String column, String company) {
        List<String> values = jdbc.sql("select " + column + "::text from lead_lead where company_name = :n")
                .param("n", company).query(String.class).list();
        assertThat(values).as(company).hasSize(1);
        return values.get(0);
    }

    private int leadsNamed(String company) {
        return jdbc.sql("select count(*) from lead_lead where company_name = :n").param("n", company)
                .query(Integer.class).single();
    }

    private String auditedCreator(String company) {
        return jdbc.sql("""
                        select a.actor_id::text from platform_audit_event a join lead_lead l on a.entity_id = l.id::text
                        where l.company_name = :n and a.action = 'CREATE'""").param("n", company)
                .query(String.class).single();
    }

    private String xmin(String company) {
        return jdbc.sql("select xmin::text from lead_lead where company_name = :n").param("n", company)
                .query(String.class).single();
    }

    /**
     * Holds every lane with a unit that waits, queues the requests in the order given, then lets them go:
     * they form one group. Answers their results, in that order.
     */
    private List<MvcTestResult> asOneGroup(List<Callable<MvcTestResult>> requests) throws Exception {
        double groupsBefore = counted("l2c.lead.capture.groups");
        double unitsBefore = counted("l2c.lead.capture.grouped");
        CountDownLatch release = new CountDownLatch(1);
        LeadDraft anyDraft = new LeadDraft("占道测试公司", null, null, null, null, null, null, null, LeadSource.REFERRAL,
                null, null, BigDecimal.ONE, null, false, null, null, null);
        List<Future<Object>> blockers = new ArrayList<>();
        for (int i = 0; i < lanes; i++) {
            blockers.add(threads.submit(() -> capture.together(anyDraft, () -> {
                try {
                    return release.await(WAIT.toSeconds(), TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            })));
            // one blocker at a time: two queued at once would form one group and leave a lane free
            int started = i + 1;
            await(() -> counted("l2c.lead.capture.groups") == groupsBefore + started);
        }
        List<Future<MvcTestResult>> futures = new ArrayList<>();
        for (Callable<MvcTestResult> request : requests) {
            futures.add(threads.submit(request));
            int queued = futures.size();
            await(() -> waiting() == queued);
        }
        release.countDown();
        for (Future<Object> blocker : blockers) {
            assertThat(blocker.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(true);
        }
        List<MvcTestResult> results = new ArrayList<>();
        for (Future<MvcTestResult> f : futures) {
            results.add(f.get(WAIT.toSeconds(), TimeUnit.SECONDS));
        }
        assertThat(counted("l2c.lead.capture.groups")).isEqualTo(groupsBefore + lanes + 1);
        assertThat(counted("l2c.lead.capture.grouped")).isEqualTo(unitsBefore + lanes + requests.size());
        return results;
    }

    private Callable<MvcTestResult> capture(String bearer, String body) {
        return () -> support.post(mvc, bearer, "/api/v1/leads", body);
    }

    private Callable<MvcTestResult> webForm(String apiKey, String idempotencyKey, String companyName, String phone) {
        return () -> mvc.post().uri("/api/v1/public/leads").contentType(MediaType.APPLICATION_JSON)
                .header("X-Api-Key", apiKey).header("Idempotency-Key", idempotencyKey)
                .content("{\"companyName\":\"" + companyName + "\",\"phone\":\"" + phone + "\"}").exchange();
    }

    private static String phone(String prefix) {
        return prefix + String.format("%04d", (int) (Math.random() * 10_000));
    }

    @Test
    void capturesArrivingTogetherAreMadeInOneTransactionEachAsItsSubmitterWithDuplicatesByTheirScope()
            throws Exception {
        Company co = support.company(mvc, UUID.randomUUID().toString().substring(0, 6));
        String marketing = support.bearer(mvc, co.marketing().username());
        String phone = phone("1380066");
        JsonNode existing = support.postJson(mvc, marketing, "/api/v1/leads", co.gradeBLead("南京组提交原有", phone));
        String existingCode = existing.get("code").asString();
        String apiKey = support.postJson(mvc, support.bearer(mvc, "admin"), "/api/v1/lead-api-keys",
                "{\"name\":\"组提交官网\",\"source\":\"WEBSITE_FORM\",\"ratePerMinute\":50}").get("apiKey").asString();

        // the manager first: a scope read once for the group would then be theirs for the rep too
        List<MvcTestResult> results = asOneGroup(List.of(
                capture(support.bearer(mvc, co.eastManager().username()), co.gradeBLead("南京组提交乙", phone)),
                capture(support.bearer(mvc, co.westRep().username()), co.gradeBLead("成都组提交甲", phone)),
                webForm(apiKey, "g-" + co.tag(), "官网组提交丁", phone("1390066"))));
        assertThat(results).allSatisfy(r -> assertThat(r).hasStatus(HttpStatus.CREATED));
        // one transaction made them all
        assertThat(xmin("成都组提交甲")).isEqualTo(xmin("南京组提交乙")).isEqualTo(xmin("官网组提交丁"));

        // each as its submitter
        assertThat(leadColumn("captured_by", "南京组提交乙")).isEqualTo(co.eastManager().id().toString());
        assertThat(leadColumn("captured_by", "成都组提交甲")).isEqualTo(co.westRep().id().toString());
        assertThat(leadColumn("captured_by", "官网组提交丁")).isNull();
        assertThat(leadColumn("source", "官网组提交丁")).isEqualTo("WEBSITE_FORM");
        assertThat(auditedCreator("南京组提交乙")).isEqualTo(co.eastManager().id().toString());
        assertThat(auditedCreator("成都组提交甲")).isEqualTo(co.westRep().id().toString());

        // the manager reads the East lead; the West rep only that other teams' records match
        assertThat(support.json(results.get(0)).get("duplicates").valueStream()
                .filter(d -> d.get("inScope").asBoolean()).map(d -> d.get("code").asString()).toList())
                .contains(existingCode);
        JsonNode westDuplicates = support.json(results.get(1)).get("duplicates");
        assertThat(westDuplicates.size()).isGreaterThanOrEqualTo(1);
        assertThat(westDuplicates.valueStream().map(d -> d.get("inScope").asBoolean()).toList()).containsOnly(false);
        assertThat(westDuplicates.toString()).doesNotContain(existingCode, "南京组提交原有");
    }

    @Test
    void aCaptureTheSopRefusesInAGroupIsRefusedAloneAndTheOthersAreMadeOnce() throws Exception {
        Company co = support.company(mvc, UUID.randomUUID().toString().substring(0, 6));
        String marketing = support.bearer(mvc, co.marketing().username());
        String phone = phone("1380067");
        support.postJson(mvc, marketing, "/api/v1/leads", co.gradeBLead("南京拒绝原有", phone));

        List<MvcTestResult> results = asOneGroup(List.of(
                capture(marketing, co.gradeBLead("南京拒绝前", phone("1380068"))),
                // a duplicate kept without the reason the SOP asks for: refused inside the group
                capture(marketing, co.gradeBLead("南京拒绝丙", phone)
                        .replaceFirst("\\{", "{\"duplicateAction\":\"KEEP_BOTH\",\"duplicateReason\":\" \",")),
                capture(support.bearer(mvc, co.westRep().username()), co.gradeBLead("南京拒绝后", phone("1380069")))));

        assertThat(results.get(0)).hasStatus(HttpStatus.CREATED);
        assertThat(results.get(2)).hasStatus(HttpStatus.CREATED);
        assertThat(results.get(1)).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(results.get(1)).bodyJson().extractingPath("$.errors[0].field").isEqualTo("duplicateReason");
        assertThat(leadsNamed("南京拒绝丙")).isZero();
        assertThat(leadsNamed("南京拒绝前")).isEqualTo(1);
        assertThat(leadsNamed("南京拒绝后")).isEqualTo(1);
        // the group was undone and the others made again, each in a transaction of its own
        assertThat(xmin("南京拒绝前")).isNotEqualTo(xmin("南京拒绝后"));
        assertThat(leadColumn("captured_by", "南京拒绝后")).isEqualTo(co.westRep().id().toString());
    }

    @Test
    void oneIdempotencyKeyTwiceInOneGroupMakesOneLeadAndAnswersItTwice() throws Exception {
        Company co = support.company(mvc, UUID.randomUUID().toString().substring(0, 6));
        String apiKey = support.postJson(mvc, support.bearer(mvc, "admin"), "/api/v1/lead-api-keys",
                "{\"name\":\"组提交重复键\",\"source\":\"WEBSITE_FORM\",\"ratePerMinute\":50}").get("apiKey").asString();
        String phone = phone("1390067");
        List<MvcTestResult> results = asOneGroup(List.of(webForm(apiKey, "same-" + co.tag(), "官网重复键", phone),
                webForm(apiKey, "same-" + co.tag(), "官网重复键", phone)));

        assertThat(results.get(0)).hasStatus(HttpStatus.CREATED);
        assertThat(results.get(1)).hasStatus(HttpStatus.OK);
        assertThat(support.json(results.get(1))).isEqualTo(support.json(results.get(0)));
        assertThat(leadsNamed("官网重复键")).isEqualTo(1);
    }
}
