package com.lead2cash.lead;

import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.testing.IntegrationTest;
import com.lead2cash.testing.LeadTestSupport;
import com.lead2cash.testing.LeadTestSupport.Company;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * Walk finding: a screening window (L1) of 87,600 business hours on a working day of one minute made every lead capture
 * answer 500. The policy and the calendar now refuse that combination; one that got in anyway (stored before) refuses
 * the capture with a message an administrator can act on, and writes nothing.
 */
@IntegrationTest
class LeadCaptureUncountableDeadlineTest {

    @Autowired MockMvcTester mvc;
    @Autowired LeadTestSupport support;
    @Autowired JdbcClient jdbc;

    @Test
    void L1_aCaptureWhoseDeadlineCannotBeCountedIsRefusedNamingTheRuleAndWritesNothing() {
        Company co = support.company(mvc, UUID.randomUUID().toString().substring(0, 6));
        String marketing = support.bearer(mvc, co.marketing().username());
        String admin = support.bearer(mvc, "admin");
        assertThat(policy(admin, "87600h business")).hasStatus(HttpStatus.CREATED);
        // as a calendar stored before the calendar refused it: working one minute a day
        jdbc.sql("update sop_calendar_settings set work_end = '09:01', revision = revision + 1 where id = 1").update();
        try {
            var refused = mvc.post().uri("/api/v1/leads").header(HttpHeaders.AUTHORIZATION, marketing)
                    .header(HttpHeaders.ACCEPT_LANGUAGE, "en").contentType(MediaType.APPLICATION_JSON)
                    .content(co.gradeBLead("无法计时科技有限公司", "13822290001")).exchange();
            assertThat(refused).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyJson().extractingPath("$.code").asString()
                    .isEqualTo("sop.error.deadlineUncountable");
            assertThat(refused).bodyJson().extractingPath("$.detail").asString()
                    .contains("rule L1 (87600h business)", "An administrator must shorten that window");
            assertThat(jdbc.sql("select count(*) from lead_lead where company_name like '无法计时科技%'")
                    .query(Integer.class).single()).isZero();
        } finally {
            jdbc.sql("update sop_calendar_settings set work_end = '18:00', revision = revision + 1 where id = 1").update();
            assertThat(policy(admin, "30m business")).hasStatus(HttpStatus.CREATED);
        }
        assertThat(mvc.post().uri("/api/v1/leads").header(HttpHeaders.AUTHORIZATION, marketing)
                .contentType(MediaType.APPLICATION_JSON).content(co.gradeBLead("无法计时科技有限公司", "13822290001")))
                .hasStatus(HttpStatus.CREATED);
    }

    private org.springframework.test.web.servlet.assertj.MvcTestResult policy(String admin, String window) {
        return mvc.post().uri("/api/v1/policy").header(HttpHeaders.AUTHORIZATION, admin)
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"reason":"筛选时限 %s","changes":[{"rule":"L1","parameter":"window","value":"%s"}]}
                        """.formatted(window, window)).exchange();
    }
}
