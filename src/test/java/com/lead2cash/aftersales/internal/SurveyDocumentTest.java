package com.lead2cash.aftersales.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.lead2cash.aftersales.SatisfactionSurveys;
import com.lead2cash.confirmation.ConfirmationDocument;
import com.lead2cash.order.OrderAccepted;
import com.lead2cash.testing.AftersalesTestSupport;
import com.lead2cash.testing.AftersalesTestSupport.Service;
import com.lead2cash.testing.ContractTestSupport;
import com.lead2cash.testing.CustomerTestSupport;
import com.lead2cash.testing.IntegrationTest;
import com.lead2cash.testing.SalesTestSupport;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** What a satisfaction survey's page asks: in one language, the text from the bundles, never both side by side. */
@IntegrationTest
class SurveyDocumentTest {

    @Autowired MockMvcTester mvc;
    @Autowired AftersalesTestSupport support;
    @Autowired CustomerTestSupport customers;
    @Autowired ContractTestSupport contracts;
    @Autowired AftersalesListeners listeners;
    @Autowired SurveyService surveys;
    @Autowired JdbcClient jdbc;

    static String text(ConfirmationDocument d) {
        return d.title() + "\n" + d.canonicalJson();
    }

    @Test
    void theSurveyIsWrittenInTheLanguageItAsksInOnly() {
        var afterAcceptance = new SatisfactionSurveys.SurveyRequest(SatisfactionSurveys.Occasion.ORDER_ACCEPTED,
                UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), null, null, "SO-2026-0001", null);
        var afterComplaint = new SatisfactionSurveys.SurveyRequest(SatisfactionSurveys.Occasion.COMPLAINT_CLOSED,
                UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), null, null, "TS-2026-0001", null);

        assertThat(text(surveys.document(afterAcceptance, Locale.ENGLISH)))
                .contains("Satisfaction survey · SO-2026-0001", "delivering and accepting your order", "1 to 5")
                .doesNotContain("满意度", "请您", "交付验收");
        assertThat(text(surveys.document(afterComplaint, Locale.ENGLISH)))
                .contains("Satisfaction survey · TS-2026-0001", "handling your complaint")
                .doesNotContain("满意度", "请您", "投诉处理");
        assertThat(text(surveys.document(afterAcceptance, Locale.SIMPLIFIED_CHINESE)))
                .contains("服务满意度调查 · SO-2026-0001", "请您为我们在交付验收中的服务打分（1–5 分），并留下意见。")
                .doesNotContain("Please rate", "Satisfaction survey");
        assertThat(text(surveys.document(afterComplaint, Locale.SIMPLIFIED_CHINESE)))
                .contains("请您为我们在投诉处理中的服务打分").doesNotContain("Please rate");
    }

    @Test
    void theSurveysPageAfterAnAcceptanceShowsItsDocumentInChineseOnly() throws Exception {
        Service s = support.service("svdoc1");
        String customer = support.customer(s.rep(), "杭州调查文本一号科技有限公司");
        UUID order = UUID.randomUUID();
        listeners.orderAccepted(new OrderAccepted(order, "SO-SVDOC1", UUID.randomUUID(), UUID.fromString(customer),
                LocalDate.of(2026, 12, 5), s.rep().id(), UUID.fromString(support.contactOf(customer)), null));
        await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.sql(
                "select count(*) from aftersales_survey where subject_id = :o").param("o", order)
                .query(Integer.class).single() == 1);
        UUID surveyId = jdbc.sql("select id from aftersales_survey where subject_id = :o").param("o", order)
                .query(UUID.class).single();
        String url = customers.json(SalesTestSupport.expect(contracts.post(mvc, contracts.bearer(mvc, s.rep()),
                "/api/v1/satisfaction/surveys/" + surveyId + "/link", null), 200)).get("confirmation").get("url")
                .asString();

        String page = mvc.get().uri(java.net.URI.create(url).getPath() + "?lang=zh-CN").exchange().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("服务满意度调查 · SO-SVDOC1", "请您为我们在交付验收中的服务打分（1–5 分），并留下意见。")
                .as("the document in the language it asks in only").doesNotContain("Please rate our service from 1 to 5");
    }
}
