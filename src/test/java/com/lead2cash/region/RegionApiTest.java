package com.lead2cash.region;

import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.platform.Role;
import com.lead2cash.testing.Fixtures;
import com.lead2cash.testing.IntegrationTest;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;

/** The divisions over the API: search for pickers, children, one division, resolving free text. */
@IntegrationTest
class RegionApiTest {

    @Autowired MockMvcTester mvc;
    @Autowired Fixtures fixtures;

    String token;

    @BeforeEach
    void signIn() {
        String username = "rep" + System.identityHashCode(this);
        fixtures.user(username, fixtures.rootUnit(), LocalDate.of(2020, 1, 1), Role.SALES_REP);
        token = fixtures.token(mvc, username);
    }

    private MvcTestResult get(String uri) {
        return mvc.get().uri(uri).header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange();
    }

    private JsonNode json(String uri) {
        MvcTestResult result = get(uri);
        assertThat(result).as(uri).hasStatusOk();
        return fixtures.mapper().readTree(result.getResponse().getContentAsByteArray());
    }

    @Test
    void searchByPinyinInitialsOrChineseAnswersCodeNamesAndLevel() {
        JsonNode hangzhou = json("/api/v1/regions?q=hangzhou").get("items").get(0);
        assertThat(hangzhou.get("code").asString()).isEqualTo("330100");
        assertThat(hangzhou.get("level").asString()).isEqualTo("CITY");
        assertThat(hangzhou.get("name").asString()).isEqualTo("浙江省杭州市");
        assertThat(hangzhou.get("provinceName").asString()).isEqualTo("浙江省");
        assertThat(hangzhou.get("cityName").asString()).isEqualTo("杭州市");
        assertThat(hangzhou.get("countyName").isNull()).isTrue();
        assertThat(hangzhou.get("parentCode").asString()).isEqualTo("330000");
        assertThat(hangzhou.get("hasChildren").asBoolean()).isTrue();

        assertThat(json("/api/v1/regions?q=hz").get("items").findValuesAsString("code")).startsWith("330100");
        assertThat(json("/api/v1/regions?q=浙江杭").get("items").findValuesAsString("code")).containsExactly("330100");
        assertThat(json("/api/v1/regions?q=西湖区").get("items").findValuesAsString("name"))
                .containsExactly("浙江省杭州市西湖区", "江西省南昌市西湖区");
        assertThat(json("/api/v1/regions?q=hz&limit=2").get("items")).hasSize(2);
        assertThat(json("/api/v1/regions?q=hz&limit=5000").get("items").size()).isLessThanOrEqualTo(50);
        assertThat(json("/api/v1/regions?q=火星").get("items")).isEmpty();
    }

    @Test
    void childrenOfADivisionAndTheProvinces() {
        assertThat(json("/api/v1/regions").get("items")).hasSize(31);
        JsonNode zhejiang = json("/api/v1/regions?parent=330000").get("items");
        assertThat(zhejiang.findValuesAsString("name")).contains("浙江省杭州市", "浙江省宁波市").hasSize(11);
        assertThat(zhejiang.findValuesAsString("level")).containsOnly("CITY");
        assertThat(json("/api/v1/regions?parent=310000").get("items").findValuesAsString("name"))
                .as("a municipality's districts, without the placeholder 市辖区").contains("上海市浦东新区").hasSize(16);
        assertThat(json("/api/v1/regions?parent=33").get("items")).hasSize(11);
        assertThat(get("/api/v1/regions?parent=999999")).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(get("/api/v1/regions?parent=abc")).hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void oneDivisionByCode() {
        JsonNode xihu = json("/api/v1/regions/330106");
        assertThat(xihu.get("name").asString()).isEqualTo("浙江省杭州市西湖区");
        assertThat(xihu.get("level").asString()).isEqualTo("COUNTY");
        assertThat(xihu.get("countyName").asString()).isEqualTo("西湖区");
        assertThat(xihu.get("parentCode").asString()).isEqualTo("330100");
        assertThat(xihu.get("hasChildren").asBoolean()).isFalse();
        assertThat(json("/api/v1/regions/3301").get("code").asString()).isEqualTo("330100");
        assertThat(json("/api/v1/regions/33").get("parentCode").isNull()).isTrue();
        MvcTestResult unknown = get("/api/v1/regions/999999");
        assertThat(unknown).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(unknown.getResponse().getContentType()).startsWith("application/problem+json");
        assertThat(get("/api/v1/regions/hangzhou")).hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void freeTextResolvesOrComesBackAsEnteredWithItsCandidates() {
        JsonNode resolved = json("/api/v1/regions/resolve?text=北京朝阳区");
        assertThat(resolved.get("resolved").asBoolean()).isTrue();
        assertThat(resolved.get("code").asString()).isEqualTo("110105");
        assertThat(resolved.get("entered").asString()).isEqualTo("北京朝阳区");

        JsonNode ambiguous = json("/api/v1/regions/resolve?text=西湖区");
        assertThat(ambiguous.get("resolved").asBoolean()).isFalse();
        assertThat(ambiguous.get("level").asString()).isEqualTo("UNRESOLVED");
        assertThat(ambiguous.get("code").isNull()).isTrue();
        assertThat(ambiguous.get("entered").asString()).isEqualTo("西湖区");
        assertThat(ambiguous.get("candidates").findValuesAsString("code")).containsExactly("330106", "360103");

        JsonNode unknown = json("/api/v1/regions/resolve?text=火星基地");
        assertThat(unknown.get("resolved").asBoolean()).isFalse();
        assertThat(unknown.get("candidates")).isEmpty();

        assertThat(mvc.get().uri("/api/v1/regions/resolve").param("text", " ")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange())
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
    }

    @Test
    void onlySignedInCallersReadTheDivisions() {
        assertThat(mvc.get().uri("/api/v1/regions?q=hz").exchange()).hasStatus(HttpStatus.UNAUTHORIZED);
    }
}
