package com.lead2cash.opportunity;

import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.testing.CustomerTestSupport;
import com.lead2cash.testing.IntegrationTest;
import com.lead2cash.testing.SalesTestSupport;
import com.lead2cash.testing.TestClock;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** The pipeline board offers "new opportunity" only to those who may open one. */
@IntegrationTest
@Import(TestClock.class)
class OpportunityBoardPageTest {

    @Autowired MockMvcTester mvc;
    @Autowired CustomerTestSupport customers;
    @Autowired SalesTestSupport sales;

    @Test
    void financeReadsTheBoardWithoutTheNewOpportunityButtonARepHasIt() throws Exception {
        var team = sales.team("board-page");
        Cookie finance = customers.session(mvc, team.company().finance());
        var financeBoard = mvc.get().uri("/opportunities").cookie(finance).exchange();
        assertThat(financeBoard).hasStatusOk();
        assertThat(financeBoard.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .doesNotContain("id=\"new-opportunity\"");
        assertThat(mvc.get().uri("/opportunities/new").cookie(finance).exchange()).hasStatus(403);

        Cookie rep = customers.session(mvc, team.rep());
        assertThat(mvc.get().uri("/opportunities").cookie(rep).exchange().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains("id=\"new-opportunity\"");
    }
}
