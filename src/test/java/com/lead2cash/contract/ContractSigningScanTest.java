package com.lead2cash.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.files.TestFiles;
import com.lead2cash.testing.ContractTestSupport;
import com.lead2cash.testing.ContractTestSupport.Reviewers;
import com.lead2cash.testing.CustomerTestSupport;
import com.lead2cash.testing.IntegrationTest;
import com.lead2cash.testing.SalesTestSupport;
import com.lead2cash.testing.SignedContracts;
import com.lead2cash.testing.TestClock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;

/**
 * The signed scan (K3) is the paper of this contract: no PDF the product rendered for review (any contract's, any
 * round) and no file already another contract's signed scan or one of its amendments' scans — told naming that contract
 * only to who may see it; nor is an amendment recorded with another contract's signed paper.
 */
@IntegrationTest
@Import(TestClock.class)
class ContractSigningScanTest {

    static Reviewers reviewers;

    @Autowired MockMvcTester mvc;
    @Autowired ContractTestSupport support;
    @Autowired CustomerTestSupport customers;
    @Autowired SignedContracts contracts;

    Reviewers reviewers() {
        if (reviewers == null) {
            reviewers = support.reviewers("scan", CustomerTestSupport.HIRED.minusYears(10));
        }
        return reviewers;
    }

    /** The same team, seen from the other region: its rep sees none of the first region's contracts. */
    Reviewers west() {
        return reviewers().west();
    }

    String status(Reviewers r, String id) {
        return customers.getJson(mvc, support.bearer(mvc, r.rep()), "/api/v1/contracts/" + id).get("status").asString();
    }

    String error(MvcTestResult result) {
        JsonNode e = customers.json(result).get("errors").get(0);
        return e.get("field").asString() + " " + e.get("code").asString();
    }

    @Test
    void K3_anotherContractsReviewPdfIsNoSignedScan() {
        Reviewers r = reviewers();
        String rep = support.bearer(mvc, r.rep());
        String a = contracts.approved(mvc, r, "杭州扫描件审核稿甲科技有限公司", "100000.00");
        String b = contracts.approved(mvc, r, "杭州扫描件审核稿乙科技有限公司", "100000.00");
        byte[] reviewCopyOfA = support.get(mvc, rep, "/api/v1/contracts/" + a + "/pdf").getResponse().getContentAsByteArray();

        MvcTestResult signed = support.sign(mvc, rep, b, reviewCopyOfA, "signed.pdf", "2026-12-01");
        assertThat(signed).as(ContractTestSupport.text(signed)).hasStatus(422);
        assertThat(error(signed)).isEqualTo("scan contract.scan.unsigned");
        assertThat(status(r, b)).isEqualTo("APPROVED");
        assertThat(customers.getJson(mvc, rep, "/api/v1/contracts/" + b + "/files").valueStream()
                .map(f -> f.get("kind").asString())).as("nothing kept").doesNotContain("SIGNED_SCAN");
        assertThat(support.sign(mvc, rep, b, TestFiles.signedScan(), "signed.pdf", "2026-12-01")).hasStatusOk();
    }

    @Test
    void K3_aFileAlreadyAnotherContractsSignedScanIsRefusedNamingItOnlyToWhoMaySeeIt() {
        Reviewers r = reviewers();
        String rep = support.bearer(mvc, r.rep());
        byte[] scan = TestFiles.signedScan();
        String first = contracts.approved(mvc, r, "杭州扫描件重复甲科技有限公司", "100000.00");
        assertThat(support.sign(mvc, rep, first, scan, "scan.pdf", "2026-12-01")).hasStatusOk();
        String number = customers.getJson(mvc, rep, "/api/v1/contracts/" + first).get("number").asString();

        String second = contracts.approved(mvc, r, "杭州扫描件重复乙科技有限公司", "100000.00");
        MvcTestResult again = support.sign(mvc, rep, second, scan, "scan.pdf", "2026-12-01");
        assertThat(again).as(ContractTestSupport.text(again)).hasStatus(422);
        assertThat(error(again)).isEqualTo("scan contract.scan.signedForAnother");
        assertThat(ContractTestSupport.text(again)).contains(number);
        assertThat(status(r, second)).isEqualTo("APPROVED");

        // the other region's rep may not see the first contract: told the file is taken, not by which contract
        Reviewers west = west();
        String theirs = contracts.approved(mvc, west, "杭州扫描件重复丙科技有限公司", "100000.00");
        String westRep = support.bearer(mvc, west.rep());
        assertThat(customers.get(mvc, westRep, "/api/v1/contracts/" + first)).as("out of their scope").hasStatus(404);
        MvcTestResult unseen = support.sign(mvc, westRep, theirs, scan, "scan.pdf", "2026-12-01");
        assertThat(unseen).as(ContractTestSupport.text(unseen)).hasStatus(422);
        assertThat(error(unseen)).isEqualTo("scan contract.scan.signedForAnotherUnseen");
        assertThat(ContractTestSupport.text(unseen)).doesNotContain(number);
        assertThat(status(west, theirs)).isEqualTo("APPROVED");
    }

    MvcTestResult amend(String token, String contractId, byte[] scan) {
        return mvc.post().uri("/api/v1/contracts/" + contractId + "/amendments").multipart()
                .file(new MockMultipartFile("scan", "amendment.pdf", "application/pdf", scan))
                .param("title", "补充协议").param("summary", "调整采购数量").param("amountChange", "10.00")
                .param("signedOn", "2026-12-01")
                .header(HttpHeaders.AUTHORIZATION, token).exchange();
    }

    JsonNode signed(Reviewers r, String customerName) {
        return contracts.sign(mvc, r, customerName, "100000.00", """
                {"type":"PREPAYMENT","amount":100000.00,"dueDate":"2026-12-20"}""", "2026-12-01");
    }

    int amendments(Reviewers r, String id) {
        return customers.getJson(mvc, support.bearer(mvc, r.rep()), "/api/v1/contracts/" + id + "/amendments").size();
    }

    /** Walk finding: an amendment's scan signed another contract. One paper signs one contract, its amendments' too. */
    @Test
    void K3_anAmendmentsScanSignsNoOtherContractNamingItOnlyToWhoMaySeeIt() {
        Reviewers r = reviewers();
        String rep = support.bearer(mvc, r.rep());
        JsonNode amended = signed(r, "杭州扫描件补充协议甲科技有限公司");
        byte[] scan = TestFiles.signedScan();
        MvcTestResult amendment = amend(rep, amended.get("id").asString(), scan);
        assertThat(amendment).as(ContractTestSupport.text(amendment)).hasStatus(201);
        String number = amended.get("number").asString();

        String other = contracts.approved(mvc, r, "杭州扫描件补充协议乙科技有限公司", "100000.00");
        MvcTestResult signing = support.sign(mvc, rep, other, scan, "scan.pdf", "2026-12-01");
        assertThat(signing).as(ContractTestSupport.text(signing)).hasStatus(422);
        assertThat(error(signing)).isEqualTo("scan contract.scan.signedForAnother");
        assertThat(ContractTestSupport.text(signing)).contains(number);
        assertThat(status(r, other)).isEqualTo("APPROVED");

        Reviewers west = west();
        String theirs = contracts.approved(mvc, west, "杭州扫描件补充协议丙科技有限公司", "100000.00");
        MvcTestResult unseen = support.sign(mvc, support.bearer(mvc, west.rep()), theirs, scan, "scan.pdf", "2026-12-01");
        assertThat(unseen).as(ContractTestSupport.text(unseen)).hasStatus(422);
        assertThat(error(unseen)).isEqualTo("scan contract.scan.signedForAnotherUnseen");
        assertThat(ContractTestSupport.text(unseen)).doesNotContain(number);
        assertThat(status(west, theirs)).isEqualTo("APPROVED");

        assertThat(support.sign(mvc, rep, other, TestFiles.signedScan(), "scan.pdf", "2026-12-01")).hasStatusOk();
    }

    /** Walk finding: an amendment was recorded with another contract's signed scan (or another's amendment's). */
    @Test
    void K3_anAmendmentWithAnotherContractsSignedOrAmendmentScanIsRefusedNamingItOnlyToWhoMaySeeIt() {
        Reviewers r = reviewers();
        String rep = support.bearer(mvc, r.rep());
        byte[] signedScan = TestFiles.signedScan();
        String first = contracts.approved(mvc, r, "杭州扫描件补充协议丁科技有限公司", "100000.00");
        assertThat(support.sign(mvc, rep, first, signedScan, "scan.pdf", "2026-12-01")).hasStatusOk();
        String number = customers.getJson(mvc, rep, "/api/v1/contracts/" + first).get("number").asString();
        byte[] amendmentScan = TestFiles.signedScan();
        assertThat(amend(rep, first, amendmentScan)).hasStatus(201);

        String second = signed(r, "杭州扫描件补充协议戊科技有限公司").get("id").asString();
        for (byte[] scan : List.of(signedScan, amendmentScan)) {
            MvcTestResult refused = amend(rep, second, scan);
            assertThat(refused).as(ContractTestSupport.text(refused)).hasStatus(422);
            assertThat(error(refused)).isEqualTo("scan contract.scan.signedForAnother");
            assertThat(ContractTestSupport.text(refused)).contains(number);
        }
        assertThat(amendments(r, second)).as("nothing recorded").isZero();

        Reviewers west = west();
        String theirs = signed(west, "杭州扫描件补充协议己科技有限公司").get("id").asString();
        MvcTestResult unseen = amend(support.bearer(mvc, west.rep()), theirs, amendmentScan);
        assertThat(unseen).as(ContractTestSupport.text(unseen)).hasStatus(422);
        assertThat(error(unseen)).isEqualTo("scan contract.scan.signedForAnotherUnseen");
        assertThat(ContractTestSupport.text(unseen)).doesNotContain(number);
        assertThat(amendments(west, theirs)).isZero();

        assertThat(amend(rep, second, TestFiles.signedScan())).as("its own paper is an amendment").hasStatus(201);
    }

    @Test
    void K3_twoContractsSignedAtOnceWithOneFileOneIsRefused() throws Exception {
        Reviewers r = reviewers();
        String rep = support.bearer(mvc, r.rep());
        byte[] scan = TestFiles.signedScan();
        List<String> ids = List.of(contracts.approved(mvc, r, "杭州扫描件并发甲科技有限公司", "100000.00"),
                contracts.approved(mvc, r, "杭州扫描件并发乙科技有限公司", "100000.00"));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (String id : ids) {
                Callable<Integer> signing = () -> {
                    start.await();
                    return support.sign(mvc, rep, id, scan, "scan.pdf", "2026-12-01").getResponse().getStatus();
                };
                results.add(pool.submit(signing));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : results) {
                statuses.add(f.get());
            }
            assertThat(statuses).containsExactlyInAnyOrder(200, 422);
        } finally {
            pool.shutdownNow();
        }
        assertThat(ids.stream().map(id -> status(r, id))).containsExactlyInAnyOrder("SIGNED", "APPROVED");
    }

    @Test
    void aTerminationCannotTakeEffectAfterTheContractsTermEnds() {
        Reviewers r = reviewers();
        JsonNode c = contracts.sign(mvc, r, "杭州终止生效日科技有限公司", "100000.00", """
                {"type":"PREPAYMENT","amount":100000.00,"dueDate":"2026-12-20"}""", "2026-12-01");
        String id = c.get("id").asString();
        String manager = support.bearer(mvc, r.manager());
        String body = "{\"reason\":\"测试\",\"effectiveOn\":\"%s\",\"version\":" + c.get("version").asLong() + "}";
        for (String day : new String[] {"2036-12-07", "2027-12-01"}) {
            MvcTestResult late = support.post(mvc, manager, "/api/v1/contracts/" + id + "/termination", body.formatted(day));
            assertThat(late).as(day + " " + ContractTestSupport.text(late)).hasStatus(422);
            assertThat(error(late)).isEqualTo("effectiveOn contract.termination.afterTermEnd");
            assertThat(ContractTestSupport.text(late)).contains("2027-11-30");
            assertThat(status(r, id)).isEqualTo("SIGNED");
        }
        MvcTestResult onTheLastDay = support.post(mvc, manager, "/api/v1/contracts/" + id + "/termination",
                body.formatted("2027-11-30"));
        assertThat(onTheLastDay).as(ContractTestSupport.text(onTheLastDay)).hasStatusOk();
        assertThat(status(r, id)).isEqualTo("TERMINATED");
    }
}
