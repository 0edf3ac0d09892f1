package com.lead2cash.lead;

import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.testing.Fixtures;
import com.lead2cash.testing.IntegrationTest;
import com.lead2cash.testing.LeadTestSupport;
import com.lead2cash.testing.LeadTestSupport.Company;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;

/** Possible duplicates (查重): the check on its own, and a stored lead's duplicates after its capture. */
@IntegrationTest
class LeadDuplicatesTest {

    @Autowired MockMvcTester mvc;
    @Autowired LeadTestSupport support;
    @Autowired Fixtures fixtures;
    @Autowired JdbcClient jdbc;

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

    @Test
    void aStoredLeadShowsItsDuplicatesToEachReaderAsItsCaptureWould() {
        JsonNode east = support.postJson(mvc, marketing, "/api/v1/leads", co.gradeBLead("查重已存科技", "13822230002"));
        String eastId = east.get("id").asString();
        String eastCode = east.get("code").asString();
        // the same company again, in the West: routed as a new company to the West rep
        JsonNode west = support.postJson(mvc, marketing, "/api/v1/leads", co.gradeBLead("查重已存科技有限公司", "13822230003")
                .replace(co.region(), co.westRegion()));
        assertThat(west.get("ownerId").asString()).isEqualTo(co.westRep().id().toString());
        String westId = west.get("id").asString();

        // the West rep reads that another team has it, and whom to ask — not which lead
        JsonNode seenByWest = support.getJson(mvc, support.bearer(mvc, co.westRep().username()), "/api/v1/leads/" + westId)
                .get("duplicates");
        assertThat(seenByWest).hasSize(1);
        assertThat(seenByWest.get(0).get("inScope").asBoolean()).isFalse();
        assertThat(seenByWest.get(0).get("ownerName").asString()).isEqualTo(east.get("ownerName").asString());
        assertThat(seenByWest.get(0).get("matchedOn").valueStream().map(JsonNode::asString).toList()).containsExactly("NAME");
        assertThat(seenByWest.toString()).doesNotContain(eastId, eastCode, "查重已存科技\"");
        String westPage = page(co.westRep().username(), westId);
        assertThat(duplicatesCard(westPage)).contains("A record of another team matches", east.get("ownerName").asString())
                .doesNotContain(eastCode, "/leads/" + eastId);

        // the director reads both: named and linked, and nothing to merge into
        JsonNode seenByDirector = support.getJson(mvc, support.bearer(mvc, co.director().username()),
                "/api/v1/leads/" + westId).get("duplicates");
        assertThat(seenByDirector.get(0).get("code").asString()).isEqualTo(eastCode);
        assertThat(seenByDirector.get(0).get("mergeable").asBoolean()).isFalse();
        assertThat(page(co.director().username(), westId)).contains("href=\"/leads/" + eastId + "\"", eastCode);
        // each is the other's duplicate, never its own
        assertThat(support.getJson(mvc, support.bearer(mvc, co.director().username()), "/api/v1/leads/" + eastId)
                .get("duplicates").findValuesAsString("id")).containsExactly(westId);
    }

    @Test
    void aWebFormLeadForAKnownCompanyIsMarkedInTheListAndNamesItsDuplicate() {
        JsonNode known = support.postJson(mvc, marketing, "/api/v1/leads", co.gradeBLead("查重官网科技", "13822230004"));
        String apiKey = support.postJson(mvc, support.bearer(mvc, "admin"), "/api/v1/lead-api-keys",
                "{\"name\":\"官网 " + co.tag() + "\",\"source\":\"WEBSITE_FORM\",\"ratePerMinute\":5}").get("apiKey").asString();

        var submitted = mvc.post().uri("/api/v1/public/leads").header("X-Api-Key", apiKey)
                .contentType(MediaType.APPLICATION_JSON).content("{\"companyName\":\"查重官网科技有限公司\",\"phone\":\"13922230005\"}")
                .exchange();
        JsonNode answer = support.json(submitted);
        // the public answer tells the web form nothing more than before
        assertThat(answer.propertyNames()).containsExactlyInAnyOrder("code", "status");

        String director = support.bearer(mvc, co.director().username());
        JsonNode rows = support.getJson(mvc, director, "/api/v1/leads?q=查重官网科技").get("items");
        assertThat(rows).hasSize(2);
        for (JsonNode row : rows) {
            boolean webForm = row.get("code").asString().equals(answer.get("code").asString());
            assertThat(row.get("possibleDuplicates").asBoolean()).as(row.get("code").asString()).isEqualTo(webForm);
        }
        String webLead = rows.findValuesAsString("id").stream().filter(i -> !i.equals(known.get("id").asString()))
                .findFirst().orElseThrow();
        assertThat(support.getJson(mvc, director, "/api/v1/leads/" + webLead).get("duplicates").findValuesAsString("code"))
                .containsExactly(known.get("code").asString());

        var list = mvc.get().uri("/leads?q=查重官网科技&lang=zh-CN")
                .cookie(fixtures.session(mvc, co.director().username(), Fixtures.PASSWORD)).exchange();
        assertThat(new String(list.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8))
                .containsOnlyOnce("possible-duplicates").contains("可能重复");
    }

    @Test
    void leadsCapturedBeforeTheMarkAreMarkedWhenAnEarlierLeadSharesTheirEvidence() throws Exception {
        String first = support.postJson(mvc, marketing, "/api/v1/leads", co.gradeBLead("查重迁移甲", "13822230006"))
                .get("id").asString();
        String samePhone = support.postJson(mvc, marketing, "/api/v1/leads", co.gradeBLead("查重迁移乙", "13822230006"))
                .get("id").asString();
        String alone = support.postJson(mvc, marketing, "/api/v1/leads", co.gradeBLead("查重迁移丙", "13822230007"))
                .get("id").asString();
        jdbc.sql("update lead_lead set possible_duplicates = false").update();

        String migration = new String(new ClassPathResource("db/migration/V202612062110__lead_possible_duplicates.sql")
                .getContentAsByteArray(), StandardCharsets.UTF_8);
        for (String statement : migration.replaceAll("(?m)^--.*$", "").split(";")) {
            if (statement.strip().startsWith("update")) {
                jdbc.sql(statement).update();
            }
        }

        assertThat(marked(first)).isFalse();
        assertThat(marked(samePhone)).isTrue();
        assertThat(marked(alone)).isFalse();
    }

    private boolean marked(String id) {
        return jdbc.sql("select possible_duplicates from lead_lead where id = :id").param("id", UUID.fromString(id))
                .query(Boolean.class).single();
    }

    private String page(String username, String id) {
        var page = mvc.get().uri("/leads/" + id + "?lang=en")
                .cookie(fixtures.session(mvc, username, Fixtures.PASSWORD)).exchange();
        assertThat(page).hasStatusOk();
        return new String(page.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
    }

    /** The page's duplicates card. */
    private static String duplicatesCard(String html) {
        String card = html.substring(html.indexOf("id=\"lead-duplicates\""));
        return card.substring(0, card.indexOf("</ul>"));
    }
}
