package com.lead2cash.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.files.TestFiles;
import com.lead2cash.testing.ContractTestSupport;
import com.lead2cash.testing.ContractTestSupport.Reviewers;
import com.lead2cash.testing.CustomerTestSupport;
import com.lead2cash.testing.IntegrationTest;
import com.lead2cash.testing.MutableClock;
import com.lead2cash.testing.TestClock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;

/**
 * The contract's review and approval through the API (SPEC §4, rules K1–K5): the departments' parallel
 * reviews with business-day deadlines, objection and resubmission, the risk review, the final approval,
 * the signing and archiving deadlines.
 */
@IntegrationTest
@Import(TestClock.class)
class ContractReviewTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired MockMvcTester mvc;
    @Autowired ContractTestSupport support;
    @Autowired CustomerTestSupport customers;
    @Autowired MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.set(TestClock.START);
    }

    static Instant shanghai(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    }

    /** A complete draft of the rep, ready for review. */
    JsonNode readyContract(Reviewers r, String customer, String amount, String risk) {
        String rep = support.bearer(mvc, r.rep());
        String opportunity = support.opportunityAtContractStage(mvc, r, customer, amount);
        JsonNode draft = support.draft(mvc, rep, opportunity, amount, risk);
        return support.complete(mvc, rep, draft.get("id").asString());
    }

    JsonNode submit(Reviewers r, JsonNode contract) {
        return customers.json(support.post(mvc, support.bearer(mvc, r.rep()), "/api/v1/contracts/"
                + contract.get("id").asString() + "/submit", "{\"version\":" + contract.get("version").asLong() + "}"));
    }

    JsonNode review(Reviewers r, com.lead2cash.platform.internal.identity.User who, String contractId, String department,
                    String verdict, String comment) {
        var result = support.post(mvc, support.bearer(mvc, who), "/api/v1/contracts/" + contractId + "/reviews/" + department,
                "{\"verdict\":\"" + verdict + "\"" + (comment == null ? "" : ",\"comment\":\"" + comment + "\"") + "}");
        assertThat(result).as(ContractTestSupport.text(result)).hasStatusOk();
        return customers.json(result);
    }

    static List<String> departments(JsonNode contract) {
        return StreamSupport.stream(contract.get("reviews").spliterator(), false)
                .map(rv -> rv.get("department").asString() + ":" + rv.get("state").asString()).toList();
    }

    static Instant dueOf(JsonNode contract, String department) {
        return StreamSupport.stream(contract.get("reviews").spliterator(), false)
                .filter(rv -> rv.get("department").asString().equals(department)).findFirst()
                .map(rv -> Instant.parse(rv.get("dueAt").asString())).orElseThrow();
    }

    @Test
    void K1_threeDepartmentsReviewInParallelEachWithinTwoBusinessDaysAcrossTheWeekend() {
        Reviewers r = support.reviewers("k1w");
        JsonNode contract = readyContract(r, "杭州甲方科技有限公司", "600000.00", "LOW");
        clock.set(shanghai("2026-12-03T11:00")); // a Thursday

        JsonNode submitted = submit(r, contract);

        assertThat(submitted.get("status").asString()).isEqualTo("IN_REVIEW");
        assertThat(departments(submitted)).containsExactlyInAnyOrder("LEGAL:PENDING", "FINANCE:PENDING", "OPERATIONS:PENDING");
        for (String d : List.of("LEGAL", "FINANCE", "OPERATIONS")) {
            assertThat(dueOf(submitted, d)).as(d + ": Friday, then Monday 11:00").isEqualTo(shanghai("2026-12-07T11:00"));
        }
        assertThat(submitted.get("pdfSha256").asString()).hasSize(64);
    }

}
