package com.lead2cash.lead;

import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.testing.IntegrationTest;
import com.lead2cash.testing.LeadTestSupport;
import com.lead2cash.testing.LeadTestSupport.Company;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;

/** Possible duplicates (查重): the check on its own, and a stored lead's duplicates after its capture. */
@IntegrationTest
class LeadDuplicatesTest {

    @Autowired MockMvcTester mvc;
    @Autowired LeadTestSupport support;

    Company co;
    String marketing;

    @BeforeEach
    void company() {
        co = support.company(mvc, UUID.randomUUID().toString().substring(0, 6));
        marketing = support.bearer(mvc, co.marketing().username());
    }

    @Test
    void theDuplicateCheckNeedsNoSource() {
        String code = support.postJson(mvc, marketing, "/api/v1/leads", co.gradeBLead("查重无来源科技", "13822230001"))
                .get("code").asString();

        JsonNode found = support.postJson(mvc, marketing, "/api/v1/leads/duplicates",
                "{\"companyName\":\"查重无来源科技有限公司\"}");

        assertThat(found.findValuesAsString("code")).containsExactly(code);
        assertThat(found.get(0).get("matchedOn").valueStream().map(JsonNode::asString).toList()).containsExactly("NAME");
    }
}
