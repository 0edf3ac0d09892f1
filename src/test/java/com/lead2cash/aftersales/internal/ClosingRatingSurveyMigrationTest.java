package com.lead2cash.aftersales.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.aftersales.SatisfactionSurveys;
import com.lead2cash.confirmation.Confirmations;
import com.lead2cash.testing.AftersalesTestSupport;
import com.lead2cash.testing.AftersalesTestSupport.Service;
import com.lead2cash.testing.IntegrationTest;
import com.lead2cash.testing.RepairMigration;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * V202612051003 gives the complaints closed with the customer's rating before 568ca00 the satisfaction row the code
 * has written since ({@link SurveyService#recordRating}): the same columns, once, and nothing for a complaint closed
 * with a reason or one that has its survey row already.
 */
@IntegrationTest
class ClosingRatingSurveyMigrationTest {

    private static final String ROW = """
            select customer_id, occasion, subject_id, rep_id, team_id, product_line, confirmation_id, sent_at, rating,
                   comment, answered_at from aftersales_survey where occasion = 'COMPLAINT_CLOSED' and subject_id = :k""";

    @Autowired AftersalesTestSupport support;
    @Autowired SurveyService surveys;
    @Autowired Confirmations confirmations;
    @Autowired JdbcClient jdbc;

    @Test
    void complaintsClosedWithARatingBeforeItCountedGetTheRowTheCodeWritesOnce() throws Exception {
        Service s = support.service("mig");
        UUID customer = UUID.fromString(support.customer(s.rep(), "杭州迁移满意度科技有限公司"));
        Instant sent = Instant.parse("2026-11-20T02:00:00Z");
        Instant rated = Instant.parse("2026-11-21T03:30:00Z");
        Instant closed = Instant.parse("2026-11-22T08:00:00Z");

        UUID old = complaint(customer, s, "工业网关", closed);
        UUID rating = ratingOf(old, s, 4, "处理及时", sent, rated);
        closeWithRating(old, rating, 4);
        // what the code writes for it today, then taken away: the complaint as it was closed before 568ca00
        surveys.recordRating(requestFor(old, customer, s), confirmations.find(rating).orElseThrow());
        Map<String, Object> written = row(old);
        jdbc.sql("delete from aftersales_survey where subject_id = :k").param("k", old).update();

        UUID byReason = complaint(customer, s, null, closed);
        jdbc.sql("update aftersales_complaint set no_rating_reason = '联系不上' where id = :k").param("k", byReason).update();
        UUID surveyed = complaint(customer, s, null, closed);
        UUID surveyedRating = ratingOf(surveyed, s, 2, null, sent, rated);
        closeWithRating(surveyed, surveyedRating, 2);
        UUID earlierSurvey = UUID.randomUUID();
        jdbc.sql("""
                insert into aftersales_survey (id, customer_id, occasion, subject_id, rep_id, confirmation_id, sent_at)
                values (:id, :c, 'COMPLAINT_CLOSED', :k, :rep, :conf, :sent)""")
                .param("id", earlierSurvey).param("c", customer).param("k", surveyed).param("rep", s.rep().id())
                .param("conf", UUID.randomUUID()).param("sent", Timestamp.from(closed)).update();

        RepairMigration.of(jdbc, "202612051003").runTwice();

        assertThat(row(old)).as("as SurveyService.recordRating writes it").isEqualTo(written);
        assertThat(written).containsEntry("rating", 4).containsEntry("comment", "处理及时")
                .containsEntry("rep_id", s.rep().id()).containsEntry("team_id", s.company().east())
                .containsEntry("answered_at", Timestamp.from(rated));
        assertThat(count(old)).as("once, however often it runs").isEqualTo(1);
        assertThat(count(byReason)).as("closed with a reason: no rating to record").isZero();
        assertThat(jdbc.sql("select id from aftersales_survey where subject_id = :k").param("k", surveyed)
                .query(UUID.class).list()).as("the survey sent at its close stays its row").containsExactly(earlierSurvey);
    }

    private UUID complaint(UUID customer, Service s, String productLine, Instant closed) {
        UUID id = UUID.randomUUID();
        Timestamp at = Timestamp.from(closed.minusSeconds(7 * 24 * 3600));
        jdbc.sql("""
                insert into aftersales_complaint (id, code, customer_id, customer_name, customer_owner_id, product_line,
                    category, severity, received_via, description, status, handler_id, received_by, received_at,
                    level_one, policy_version, response_due_at, resolution_due_at, closed_at, version)
                values (:id, :code, :c, '杭州迁移满意度科技有限公司', :rep, :line, 'SERVICE', 'MINOR', 'PHONE', '响应慢',
                    'CLOSED', :handler, :handler, :at, false, 1, :at, :at, :closed, 5)""")
                .param("id", id).param("code", "TS-MIG-" + id.toString().substring(0, 8)).param("c", customer)
                .param("rep", s.rep().id()).param("line", productLine).param("handler", s.afterSales().id())
                .param("at", at).param("closed", Timestamp.from(closed)).update();
        return id;
    }

    /** The customer's rating of the complaint through its confirmation link, as the confirmation module keeps it. */
    private UUID ratingOf(UUID complaint, Service s, int rating, String comment, Instant sent, Instant rated) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into confirmation_confirmation (id, purpose, subject_type, subject_id, subject_version, title,
                    document, document_sha256, recipient_name, locale, owner_id, requested_by, sent_at, expires_at,
                    state, answered_at, answered_name, rating, comment, version)
                values (:id, 'RATE', :type, :subject, 1, '投诉处理满意度', '{}', :sha, '王经理', 'zh-CN', :rep, :handler,
                    :sent, :expires, 'RATED', :rated, '王经理', :rating, :comment, 1)""")
                .param("id", id).param("type", AftersalesAccess.COMPLAINT).param("subject", complaint.toString())
                .param("sha", "0".repeat(64)).param("rep", s.rep().id()).param("handler", s.afterSales().id())
                .param("sent", Timestamp.from(sent)).param("expires", Timestamp.from(sent.plusSeconds(14 * 24 * 3600)))
                .param("rated", Timestamp.from(rated)).param("rating", rating)
                .param("comment", comment, java.sql.Types.VARCHAR).update();
        return id;
    }

    private void closeWithRating(UUID complaint, UUID confirmation, int rating) {
        jdbc.sql("update aftersales_complaint set rating_confirmation_id = :conf, rating = :r where id = :k")
                .param("conf", confirmation).param("r", rating).param("k", complaint).update();
    }

    /** The request ComplaintService.close makes for a complaint closed with a rating. */
    private SatisfactionSurveys.SurveyRequest requestFor(UUID complaint, UUID customer, Service s) {
        return new SatisfactionSurveys.SurveyRequest(SatisfactionSurveys.Occasion.COMPLAINT_CLOSED, complaint, customer,
                null, s.rep().id(), "工业网关", "TS-MIG", s.afterSales().id());
    }

    private Map<String, Object> row(UUID complaint) {
        List<Map<String, Object>> rows = jdbc.sql(ROW).param("k", complaint).query().listOfRows();
        assertThat(rows).hasSize(1);
        return new HashMap<>(rows.get(0));
    }

    private int count(UUID complaint) {
        return jdbc.sql("select count(*) from aftersales_survey where subject_id = :k").param("k", complaint)
                .query(Integer.class).single();
    }
}
