package com.lead2cash.customer;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.task.Task;
import com.lead2cash.customer.internal.jobs.PoolSweep;
import com.lead2cash.platform.BackgroundTasks;
import com.lead2cash.platform.Role;
import com.lead2cash.testing.ContractTestSupport;
import com.lead2cash.testing.CustomerTestSupport;
import com.lead2cash.testing.Fixtures;
import com.lead2cash.testing.IntegrationTest;
import com.lead2cash.testing.MutableClock;
import com.lead2cash.testing.SalesTestSupport;
import com.lead2cash.testing.SignedContracts;
import com.lead2cash.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;

/**
 * The public pool (公海, C7): the daily job returns exactly the customers whose follow-up lapsed; reps
 * claim from it one at a time (one winner among simultaneous claims), within the holding limit and
 * not within the cooldown after a customer left them.
 */
@IntegrationTest
@Import(TestClock.class)
@TestPropertySource(properties = {"l2c.customer.routines.enabled=true", "l2c.scheduler.enabled=false"})
class CustomerPoolTest {

    static final Instant NOW = TestClock.START;

    @Autowired MockMvcTester mvc;
    @Autowired CustomerTestSupport support;
    @Autowired Fixtures fixtures;
    @Autowired MutableClock clock;
    @Autowired PoolSweep sweep;
    @Autowired JdbcClient jdbc;
    @Autowired DataSource dataSource;
    @Autowired List<Task<?>> tasks;

    @BeforeEach
    void resetClock() {
        clock.set(NOW);
        // each test is its own run of days: the periods another test claimed are free again
        jdbc.sql("delete from customer_job_run").update();
    }

    private UUID owner(String customerId) {
        return jdbc.sql("select owner_id from customer_customer where id = :id").param("id", UUID.fromString(customerId))
                .query((rs, i) -> java.util.Optional.ofNullable(rs.getObject("owner_id", UUID.class))).single().orElse(null);
    }

    private String page(com.lead2cash.platform.internal.identity.User user, String path) {
        var result = mvc.get().uri(path + (path.contains("?") ? "&" : "?") + "lang=en").cookie(support.session(mvc, user)).exchange();
        assertThat(result).as(path).hasStatusOk();
        return new String(result.getResponse().getContentAsByteArray(), java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void C7_theDailyJobReturnsExactlyTheCustomersNotFollowedUpForTwiceTheirCadence() {
        var company = support.company("lapse");
        String rep = support.bearer(mvc, company.eastRep());
        String gradeA = support.customer(mvc, rep, "回收甲公司", "\"grade\":\"A\"").get("id").asString();   // lapses after 14 days
        String gradeB = support.customer(mvc, rep, "回收乙公司", "\"grade\":\"B\"").get("id").asString();   // after 28
        String followed = support.customer(mvc, rep, "回收丙公司", "\"grade\":\"A\"").get("id").asString();
        String signed = support.customer(mvc, rep, "回收丁公司", "\"grade\":\"A\"").get("id").asString();
        support.post(mvc, rep, "/api/v1/customers/" + signed + "/lost", "{\"reason\":\"项目取消\"}");

        clock.set(NOW.plus(Duration.ofDays(10)));
        support.post(mvc, rep, "/api/v1/activities", """
                {"customerId":"%s","type":"CALL","occurredAt":"%s","summary":"回访"}""".formatted(followed, clock.instant()));

        List<UUID> mine = List.of(gradeA, gradeB, followed, signed).stream().map(UUID::fromString).toList();
        clock.set(NOW.plus(Duration.ofDays(15)));
        assertThat(sweep.run().returned()).filteredOn(mine::contains).containsExactly(UUID.fromString(gradeA));
        assertThat(owner(gradeA)).isNull();
        assertThat(owner(gradeB)).isEqualTo(company.eastRep().id());
        assertThat(owner(followed)).isEqualTo(company.eastRep().id());
        assertThat(owner(signed)).isEqualTo(company.eastRep().id());
        assertThat(support.deadlines("Customer", gradeA)).last().isEqualTo("C2:CANCELLED");
        // the day's period is claimed: another run the same day (another node) does nothing
        assertThat(sweep.run().ran()).isFalse();

        clock.set(NOW.plus(Duration.ofDays(20)));
        support.post(mvc, support.bearer(mvc, company.eastRep()), "/api/v1/activities", """
                {"customerId":"%s","type":"VISIT","occurredAt":"%s","summary":"拜访"}""".formatted(followed, clock.instant()));
        clock.set(NOW.plus(Duration.ofDays(29)));
        assertThat(sweep.run().returned()).filteredOn(mine::contains).containsExactly(UUID.fromString(gradeB));
        assertThat(owner(gradeB)).isNull();
        assertThat(owner(followed)).isEqualTo(company.eastRep().id());
        JsonNode pool = support.getJson(mvc, support.bearer(mvc, company.westRep()), "/api/v1/customers?view=pool&size=200");
        assertThat(pool.get("items").valueStream().map(i -> i.get("id").asString())).contains(gradeA, gradeB)
                .doesNotContain(followed, signed);
        JsonNode timeline = support.getJson(mvc, support.bearer(mvc, company.eastRep()), "/api/v1/customers/" + gradeA + "/timeline");
        assertThat(timeline.get("items").valueStream().map(i -> i.get("messageKey").asString()))
                .contains("customer.history.lapsed");
    }

    @Test
    void C7_aNodeStartingAfterDowntimeReturnsTheCustomersThatLapsedMeanwhileOnTheBackgroundScheduler() {
        var company = support.company("down");
        String rep = support.bearer(mvc, company.eastRep());
        String lapsing = support.customer(mvc, rep, "停机回收公司", "\"grade\":\"A\"").get("id").asString();
        // no node ran while the customer lapsed (14 days for grade A); the node that starts returns it
        clock.set(NOW.plus(Duration.ofDays(16)));
        assertThat(owner(lapsing)).isEqualTo(company.eastRep().id());
        BackgroundTasks.Node restarted = BackgroundTasks.node(dataSource,
                tasks.stream().filter(t -> t.getName().equals("customer-pool-sweep")).toList(), BackgroundTasks.Settings.polling(Duration.ofMillis(100)),
                "restarted");
        restarted.start();
        try {
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> owner(lapsing) == null);
        } finally {
            restarted.stop();
        }
        assertThat(jdbc.sql("select count(*) from customer_job_run where job = 'pool-sweep'").query(Integer.class)
                .single()).isEqualTo(1);
    }

    @Test
    void C7_twentyRepsClaimOnePoolCustomerAtOnceAndExactlyOneWins() throws Exception {
        UUID unit = fixtures.unit("Claim race");
        for (int i = 0; i < 20; i++) {
            fixtures.user("racer" + i, unit, CustomerTestSupport.HIRED, Role.SALES_REP);
        }
        String first = support.bearer(mvc, "racer0");
        String id = support.customer(mvc, first, "抢占测试公司", null).get("id").asString();
        support.post(mvc, first, "/api/v1/customers/" + id + "/release", "{\"reason\":\"无暇跟进\"}");
        clock.set(NOW.plus(Duration.ofDays(40)));
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            tokens.add(support.bearer(mvc, "racer" + i));
        }

        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch start = new CountDownLatch(1);
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        List<Future<?>> futures = new ArrayList<>();
        for (String token : tokens) {
            futures.add(pool.submit(() -> {
                start.await();
                int status = mvc.post().uri("/api/v1/customers/" + id + "/claim").header(HttpHeaders.AUTHORIZATION, token)
                        .exchange().getResponse().getStatus();
                statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : futures) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();

        assertThat(statuses).as(statuses.toString()).containsKey(200);
        assertThat(statuses.get(200)).hasValue(1);
        assertThat(statuses.get(409)).hasValue(19);
        assertThat(owner(id)).isNotNull();
        assertThat(support.deadlines("Customer", id)).containsExactly("C2:CANCELLED", "C2:OPEN");
    }

    @Test
    void C7_aRepAtTheHoldingLimitIsRefusedWithAClearMessage() {
        var company = support.company("limit");
        String rep = support.bearer(mvc, company.eastRep());
        String other = support.bearer(mvc, company.eastRep2());
        String pooled = support.customer(mvc, other, "上限池中公司", null).get("id").asString();
        support.post(mvc, other, "/api/v1/customers/" + pooled + "/release", "{\"reason\":\"转出\"}");
        support.changePolicy(mvc, "C7", "maxPrivateCustomers", "2");
        try {
            support.customer(mvc, rep, "上限一公司", null);
            support.customer(mvc, rep, "上限二公司", null);
            assertThat(actions(rep, pooled)).as("a claim the limit refuses is not offered").doesNotContain("CLAIM");
            String poolPage = page(company.eastRep(), "/customers/pool?q=上限池中公司");
            assertThat(poolPage).contains("id=\"claim-limit\"").doesNotContain("id=\"claim-" + pooled + "\"")
                    .as("worded for the rep claiming, not for a transfer")
                    .contains("You already hold 2 customers in development, the most the SOP allows (2, C7). "
                            + "Release or convert one before claiming another from the pool.")
                    .doesNotContain("The new owner already holds");
            var claim = mvc.post().uri("/api/v1/customers/" + pooled + "/claim").header(HttpHeaders.AUTHORIZATION, rep)
                    .header(HttpHeaders.ACCEPT_LANGUAGE, "en").exchange();
            assertThat(claim).hasStatus(422).bodyJson().extractingPath("$.code").isEqualTo("customer.claim.holdingLimit");
            assertThat(claim).bodyJson().extractingPath("$.detail").asString()
                    .startsWith("You already hold 2 customers in development").contains("before claiming another");
            // a transfer to the rep at the limit keeps the transfer's words: the new owner's holding
            JsonNode given = support.customer(mvc, other, "上限转入公司", null);
            var transfer = mvc.post().uri("/api/v1/customers/" + given.get("id").asString() + "/transfer")
                    .header(HttpHeaders.AUTHORIZATION, support.bearer(mvc, company.eastManager()))
                    .header(HttpHeaders.ACCEPT_LANGUAGE, "en").contentType(MediaType.APPLICATION_JSON)
                    .content("{\"ownerId\":\"" + company.eastRep().id() + "\",\"reason\":\"调整\",\"version\":"
                            + given.get("version").asLong() + "}").exchange();
            assertThat(transfer).hasStatus(422).bodyJson().extractingPath("$.code").isEqualTo("customer.holding.limit");
            assertThat(transfer).bodyJson().extractingPath("$.detail").asString()
                    .startsWith("The new owner already holds 2 customers in development").doesNotContain("claiming");
            var claimZh = mvc.post().uri("/api/v1/customers/" + pooled + "/claim").header(HttpHeaders.AUTHORIZATION, rep)
                    .header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN").exchange();
            assertThat(claimZh).bodyJson().extractingPath("$.detail").asString()
                    .isEqualTo("您已持有 2 个开发中的客户，已达 SOP 上限（2 个，C7）。请先释放或推进一个客户，再从公海认领。");
            assertThat(support.post(mvc, rep, "/api/v1/customers", "{\"name\":\"上限三公司\"}")).hasStatus(422);
            assertThat(owner(pooled)).isNull();
        } finally {
            support.changePolicy(mvc, "C7", "maxPrivateCustomers", "200");
        }
    }

    @Test
    void C7_aRepCannotReclaimACustomerThatLapsedFromThemWithinThirtyDaysButAnotherRepCan() {
        var company = support.company("cool");
        String rep = support.bearer(mvc, company.eastRep());
        String id = support.customer(mvc, rep, "冷却测试公司", "\"grade\":\"A\"").get("id").asString();
        clock.set(NOW.plus(Duration.ofDays(15)));
        sweep.run();
        assertThat(owner(id)).isNull();

        clock.set(NOW.plus(Duration.ofDays(20)));
        // not offered to them while it cools down: the API's actions, the customer's page and the pool list say why
        assertThat(actions(rep, id)).doesNotContain("CLAIM");
        assertThat(actions(support.bearer(mvc, company.eastRep2()), id)).contains("CLAIM");
        String detail = page(company.eastRep(), "/customers/" + id);
        assertThat(detail).doesNotContain("id=\"claim-customer\"").contains("id=\"claim-refused\"").contains("2027-01-15");
        String pool = page(company.eastRep(), "/customers/pool?q=冷却测试公司");
        assertThat(pool).doesNotContain("id=\"claim-" + id + "\"").contains("id=\"claim-cooling-" + id + "\"");
        assertThat(page(company.eastRep2(), "/customers/pool?q=冷却测试公司")).contains("id=\"claim-" + id + "\"");
        assertThat(page(company.eastRep2(), "/customers/" + id)).contains("id=\"claim-customer\"")
                .doesNotContain("id=\"claim-refused\"");
        var refused = support.post(mvc, rep, "/api/v1/customers/" + id + "/claim", null);
        assertThat(refused).hasStatus(422).bodyJson().extractingPath("$.code").isEqualTo("customer.claim.cooldown");
        assertThat(refused).bodyJson().extractingPath("$.detail").asString().contains("2026-12-16").contains("2027-01-15");

        clock.set(NOW.plus(Duration.ofDays(45)));
        rep = support.bearer(mvc, company.eastRep());
        assertThat(actions(rep, id)).as("offered again once the cooldown is over").contains("CLAIM");
        assertThat(support.post(mvc, rep, "/api/v1/customers/" + id + "/claim", null)).hasStatus(200);
        support.post(mvc, rep, "/api/v1/customers/" + id + "/release", "{\"reason\":\"让给同事\"}");
        assertThat(support.post(mvc, support.bearer(mvc, company.eastRep2()), "/api/v1/customers/" + id + "/claim", null))
                .hasStatus(200);
    }

    @Test
    void C7_claimingACustomerYouHoldAlreadyIsRefusedAsYoursNotAsLostToSomeoneElse() {
        var company = support.company("mine");
        String rep = support.bearer(mvc, company.eastRep());
        String id = support.customer(mvc, rep, "自领测试公司", "\"grade\":\"A\"").get("id").asString();
        var own = support.post(mvc, rep, "/api/v1/customers/" + id + "/claim", null);
        assertThat(own).as("the owner's claim of their own customer").hasStatus(422)
                .bodyJson().extractingPath("$.code").isEqualTo("customer.claim.alreadyYours");

        clock.set(NOW.plus(Duration.ofDays(15)));
        sweep.run();
        assertThat(owner(id)).isNull();
        String rep2 = support.bearer(mvc, company.eastRep2());
        assertThat(support.post(mvc, rep2, "/api/v1/customers/" + id + "/claim", null)).hasStatus(200);
        var again = support.post(mvc, rep2, "/api/v1/customers/" + id + "/claim", null);
        assertThat(again).as("a second claim (a double click)").hasStatus(422)
                .bodyJson().extractingPath("$.code").isEqualTo("customer.claim.alreadyYours");
        assertThat(owner(id)).isEqualTo(company.eastRep2().id());
    }

    // ---- open business keeps the customer with its owner: no release, no "lost", no lapse to the pool

    /** One set of contract reviewers for the class: K2 asks the longest-serving legal head. */
    static ContractTestSupport.Reviewers reviewers;
    static String product;

    @Autowired SalesTestSupport sales;
    @Autowired ContractTestSupport contracts;
    @Autowired SignedContracts signing;

    ContractTestSupport.Reviewers reviewers() {
        if (reviewers == null) {
            reviewers = contracts.reviewers("open", CustomerTestSupport.HIRED.minusYears(10));
            product = sales.product(mvc, reviewers.team(), "OB-100", "开放业务网关 OB-100", "6000.00", "13");
        }
        return reviewers;
    }

    private JsonNode customerJson(String token, String id) {
        return support.getJson(mvc, token, "/api/v1/customers/" + id);
    }

    private List<String> actions(String token, String id) {
        return customerJson(token, id).get("availableActions").valueStream().map(JsonNode::asString).toList();
    }

    private String refused(String token, String id, String action, String code) {
        long version = customerJson(token, id).get("version").asLong();
        var result = support.post(mvc, token, "/api/v1/customers/" + id + "/" + action,
                "{\"reason\":\"不再跟进\",\"version\":" + version + "}");
        assertThat(result).hasStatus(422).bodyJson().extractingPath("$.code").isEqualTo(code);
        assertThat(customerJson(token, id).get("version").asLong()).as("a refusal changes nothing").isEqualTo(version);
        return support.json(result).get("detail").asString();
    }

    @Test
    void releaseAndLostAreRefusedWhileAnOpportunityIsOpenAndOfferedOnceItIsClosed() {
        var company = support.company("openopp");
        String rep = support.bearer(mvc, company.eastRep());
        String id = support.customer(mvc, rep, "未结商机公司", null).get("id").asString();
        String code = sales.opportunity(mvc, rep, id, "监控改造", "300000").get("code").asString();
        assertThat(actions(rep, id)).doesNotContain("RELEASE_TO_POOL", "MARK_LOST");

        assertThat(refused(rep, id, "release", "customer.pool.openBusiness")).contains(code).contains("监控改造");
        assertThat(refused(rep, id, "lost", "customer.lost.openBusiness")).contains(code);
        JsonNode kept = customerJson(rep, id);
        assertThat(kept.get("ownerId").asString()).isEqualTo(company.eastRep().id().toString());
        assertThat(kept.get("status").asString()).isNotEqualTo("LOST");

        jdbc.sql("update opportunity_opportunity set stage = 'LOST' where code = :c").param("c", code).update();
        assertThat(actions(rep, id)).contains("RELEASE_TO_POOL", "MARK_LOST");
        assertThat(support.post(mvc, rep, "/api/v1/customers/" + id + "/release", "{\"reason\":\"商机已丢\"}"))
                .hasStatus(200);
        assertThat(owner(id)).isNull();
    }

    @Test
    void aPageStillOfferingLostOrReleaseWhenAnOpportunityOpenedElsewhereShowsTheRefusalListingIt() {
        var company = support.company("openpage");
        String rep = support.bearer(mvc, company.eastRep());
        String id = support.customer(mvc, rep, "页面未结商机公司", null).get("id").asString();
        var session = support.session(mvc, company.eastRep());
        // the page open in one tab offered both; meanwhile an opportunity is opened elsewhere
        assertThat(actions(rep, id)).contains("MARK_LOST", "RELEASE_TO_POOL");
        String code = sales.opportunity(mvc, rep, id, "门禁改造", "80000").get("code").asString();
        long version = customerJson(rep, id).get("version").asLong();

        for (String[] action : new String[][] {{"lost", "customer.lost.openBusiness", "is not lost"},
                {"release", "customer.pool.openBusiness", "stays with its owner"}}) {
            var refused = mvc.post().uri("/customers/" + id + "/" + action[0]).cookie(session)
                    .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                    .param("reason", "客户选择了竞争对手").param("version", String.valueOf(version)).exchange();
            assertThat(refused).as(action[0]).hasStatus3xxRedirection().flash().containsEntry("flashError", action[1]);
            var shown = mvc.get().uri("/customers/" + id + "?lang=en").cookie(session).exchange();
            assertThat(shown).as(action[0]).hasStatusOk();
            String html = new String(shown.getResponse().getContentAsByteArray(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(html).as(action[0]).contains("id=\"flash-error\"");
            String flash = html.substring(html.indexOf("id=\"flash-error\""),
                    html.indexOf("</div>", html.indexOf("id=\"flash-error\"")));
            assertThat(flash).as(action[0]).contains(action[2], code, "门禁改造", "Close it first");
        }
        JsonNode kept = customerJson(rep, id);
        assertThat(kept.get("version").asLong()).as("a refusal changes nothing").isEqualTo(version);
        assertThat(kept.get("status").asString()).isNotEqualTo("LOST");
        assertThat(owner(id)).isEqualTo(company.eastRep().id());
    }

    @Test
    void aSignedCustomerWithAContractAnOrderOrUnpaidPlansIsNotLostAndThePageDoesNotOfferIt() throws Exception {
        var r = reviewers();
        JsonNode contract = signing.sign(mvc, r, "未结合同公司", "600000.00", """
                {"type":"PREPAYMENT","amount":180000.00,"dueDate":"2026-12-20"},
                {"type":"ACCEPTANCE","amount":420000.00,"dueCondition":"验收合格后 30 日内"}""", "2026-12-01");
        String rep = support.bearer(mvc, r.rep());
        var created = support.post(mvc, rep, "/api/v1/orders", """
                {"contractId":"%s","lines":[{"productId":"%s","quantity":10}],"address":"杭州市西湖区文三路 1 号",
                 "consignee":"王经理","consigneePhone":"13800000000","promisedDate":"2026-12-20"}"""
                .formatted(contract.get("id").asString(), product));
        assertThat(created).as(ContractTestSupport.text(created)).hasStatus(201);
        String order = support.json(created).get("number").asString();
        String contractNumber = contract.get("number").asString();
        String id = contract.get("customerId").asString();
        assertThat(actions(rep, id)).doesNotContain("MARK_LOST", "RELEASE_TO_POOL");
        var page = fixtures.session(mvc, r.rep().username(), Fixtures.PASSWORD);
        assertThat(mvc.get().uri("/customers/" + id).cookie(page).exchange().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("/customers/" + id + "/lost");

        assertThat(refused(rep, id, "lost", "customer.lost.openBusiness"))
                .contains(contractNumber, order, "2 unpaid payment plans", "600,000.00 CNY");
        jdbc.sql("update contract_contract set status = 'ARCHIVED' where number = :n").param("n", contractNumber).update();
        assertThat(refused(rep, id, "lost", "customer.lost.openBusiness")).doesNotContain(contractNumber).contains(order);
        jdbc.sql("update order_order set status = 'ACCEPTED' where number = :n").param("n", order).update();
        assertThat(refused(rep, id, "lost", "customer.lost.openBusiness")).doesNotContain(order)
                .contains("unpaid payment plans");
        jdbc.sql("update receivable_plan set state = 'PAID', paid_amount = amount where contract_number = :n")
                .param("n", contractNumber).update();

        assertThat(actions(rep, id)).contains("MARK_LOST");
        assertThat(mvc.get().uri("/customers/" + id).cookie(page).exchange().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).contains("/customers/" + id + "/lost");
        assertThat(support.post(mvc, rep, "/api/v1/customers/" + id + "/lost", "{\"reason\":\"合作结束\"}")).hasStatus(200);
    }

    @Test
    void C7_theDailyJobLeavesALapsedCustomerWithOpenBusinessWithItsOwner() {
        var company = support.company("lapseopen");
        String rep = support.bearer(mvc, company.eastRep());
        String busy = support.customer(mvc, rep, "回收未结公司", "\"grade\":\"A\"").get("id").asString();
        String idle = support.customer(mvc, rep, "回收空闲公司", "\"grade\":\"A\"").get("id").asString();
        sales.opportunity(mvc, rep, busy, "网关升级", "120000");

        clock.set(NOW.plus(Duration.ofDays(15)));
        assertThat(sweep.run().returned()).contains(UUID.fromString(idle)).doesNotContain(UUID.fromString(busy));
        assertThat(owner(busy)).isEqualTo(company.eastRep().id());
        assertThat(owner(idle)).isNull();
    }
}
