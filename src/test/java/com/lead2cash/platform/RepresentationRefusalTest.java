package com.lead2cash.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.testing.Fixtures;
import com.lead2cash.testing.IntegrationTest;
import com.lead2cash.testing.LeadTestSupport;
import jakarta.servlet.http.Cookie;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;

/**
 * What the API answers in and what it reads (docs/decisions/0014): an Accept that admits no JSON is refused 406 before
 * the handler, so nothing is made; a success is application/json whatever JSON type is asked for first; a body sent
 * with a Content-Encoding is refused 415 before it is read.
 */
@IntegrationTest
class RepresentationRefusalTest {

    @Autowired MockMvcTester mvc;
    @Autowired LeadTestSupport support;
    @Autowired Fixtures fixtures;
    @Autowired JdbcClient jdbc;

    String admin;
    String marketing;
    LeadTestSupport.Company co;

    @BeforeEach
    void people() {
        co = support.company(mvc, UUID.randomUUID().toString().substring(0, 6));
        marketing = support.bearer(mvc, co.marketing().username());
        admin = support.bearer(mvc, "admin");
    }

    /** A lead captured over the API by the marketing user, its body in JSON: the caller adds its headers and body. */
    private MockMvcTester.MockMvcRequestBuilder captureLead() {
        return mvc.post().uri("/api/v1/leads").header(HttpHeaders.AUTHORIZATION, marketing)
                .contentType(MediaType.APPLICATION_JSON);
    }

    /** A web-to-lead key the admin issues. */
    private String apiKey(String name) {
        return support.postJson(mvc, admin, "/api/v1/lead-api-keys",
                "{\"name\":\"" + name + "\",\"source\":\"WEBSITE_FORM\",\"ratePerMinute\":50}").get("apiKey").asString();
    }

    /** A lead sent by a website's form with its key, in JSON. */
    private MockMvcTester.MockMvcRequestBuilder webToLead(String key) {
        return mvc.post().uri("/api/v1/public/leads").header("X-Api-Key", key).contentType(MediaType.APPLICATION_JSON);
    }

    private int leadsNamed(String name) {
        return jdbc.sql("select count(*) from lead_lead where company_name = :n").param("n", name).query(Integer.class).single();
    }

    private static void refused406(MvcTestResult result, String accept) {
        assertThat(result).as(accept).hasStatus(HttpStatus.NOT_ACCEPTABLE)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().extractingPath("$.code").isEqualTo("error.http.406");
    }

    @Test
    void aWebToLeadAskedForInATypeOtherThanJsonIsRefusedBeforeTheLeadIsMade() {
        String key = apiKey("接受类型官网");
        String[] accepts = {"text/csv", "text/html", "text/plain", "image/png", "application/pdf"};
        for (int i = 0; i < accepts.length; i++) {
            for (int twice = 0; twice < 2; twice++) {
                refused406(webToLead(key).header(HttpHeaders.ACCEPT, accepts[i])
                        .content("{\"companyName\":\"接受类型网单公司\",\"phone\":\"1390000771" + i + "\"}").exchange(),
                        accepts[i]);
            }
        }
        assertThat(leadsNamed("接受类型网单公司")).isZero();
        MvcTestResult created = webToLead(key).header(HttpHeaders.ACCEPT, "application/problem+json, application/json")
                .content("{\"companyName\":\"接受类型网单公司\",\"phone\":\"13900007719\"}").exchange();
        assertThat(created).hasStatus(HttpStatus.CREATED);
        assertThat(created.getResponse().getContentType()).as("a success is never labelled a problem")
                .startsWith(MediaType.APPLICATION_JSON_VALUE);
        assertThat(leadsNamed("接受类型网单公司")).isOne();
    }

    @Test
    void aLeadCapturedOrCorrectedAskingForAnotherTypeIsRefusedAndNothingChanges() {
        for (String accept : new String[] {"text/html", "text/csv", "text/event-stream", "application/octet-stream",
                "application/x-ndjson", "application/problem+json", "application/json;q=0, */*"}) {
            refused406(captureLead().header(HttpHeaders.ACCEPT, accept)
                    .content(co.gradeBLead("接受类型录入公司", "13822297701")).exchange(), accept);
        }
        assertThat(leadsNamed("接受类型录入公司")).isZero();
        for (String accept : new String[] {"*/*", "application/*", "text/html, application/json;q=0.1"}) {
            assertThat(captureLead().header(HttpHeaders.ACCEPT, accept)
                    .content(co.gradeBLead("接受类型录入公司" + accept.length(), "1382229771" + accept.length() % 10)))
                    .as(accept).hasStatus(HttpStatus.CREATED);
        }

        JsonNode lead = support.postJson(mvc, marketing, "/api/v1/leads", co.gradeBLead("接受类型更正公司", "13822297702"));
        String correction = """
                {"companyName":"接受类型已更正公司","contactName":"李工","industry":"餐饮业","region":"上海","source":"REFERRAL",
                 "budget":200000,"purchaseDate":"%s","decisionMakerKnown":false,"version":%d}
                """.formatted(support.today().plusDays(30), lead.get("version").asLong());
        refused406(mvc.put().uri("/api/v1/leads/" + lead.get("id").asString()).header(HttpHeaders.AUTHORIZATION, admin)
                .header(HttpHeaders.ACCEPT, "text/plain").contentType(MediaType.APPLICATION_JSON).content(correction)
                .exchange(), "text/plain");
        assertThat(leadsNamed("接受类型已更正公司")).isZero();
        assertThat(leadsNamed("接受类型更正公司")).isOne();
    }

    /** An Accept that cannot be read admits no JSON either: the lead is refused before it is made, not after. */
    @Test
    void aLeadAskedForWithAnAcceptThatCannotBeReadIsRefusedBeforeItIsMade() {
        for (String accept : new String[] {"garbage", "application/json;q=x"}) {
            refused406(captureLead().header(HttpHeaders.ACCEPT, accept)
                    .content(co.gradeBLead("不可读接受类型公司", "13822297705")).exchange(), accept);
        }
        assertThat(leadsNamed("不可读接受类型公司")).isZero();
    }

    @Test
    void anApiKeyAskedForAsHtmlIsNotIssued() {
        refused406(mvc.post().uri("/api/v1/lead-api-keys").header(HttpHeaders.AUTHORIZATION, admin)
                .header(HttpHeaders.ACCEPT, "text/html").contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"要HTML的密钥\",\"source\":\"WEBSITE_FORM\",\"ratePerMinute\":5}").exchange(), "text/html");
        assertThat(jdbc.sql("select count(*) from lead_api_key where name = '要HTML的密钥'").query(Integer.class).single())
                .isZero();
    }

    @Test
    void aSuccessIsApplicationJsonWhicheverJsonTypeIsAskedFor() {
        for (String accept : new String[] {"application/problem+json, application/json", "application/hal+json, */*",
                "application/vnd.foo+json, application/json"}) {
            for (String uri : new String[] {"/api/v1/me", "/api/v1/leads"}) {
                MvcTestResult answer = mvc.get().uri(uri).header(HttpHeaders.AUTHORIZATION, marketing)
                        .header(HttpHeaders.ACCEPT, accept).exchange();
                assertThat(answer).as(accept + " " + uri).hasStatusOk();
                assertThat(answer.getResponse().getContentType()).as(accept + " " + uri)
                        .startsWith(MediaType.APPLICATION_JSON_VALUE);
            }
        }
        for (String accept : new String[] {"application/problem+json", "application/vnd.foo+json", "application/hal+json"}) {
            refused406(mvc.get().uri("/api/v1/me").header(HttpHeaders.AUTHORIZATION, marketing)
                    .header(HttpHeaders.ACCEPT, accept).exchange(), accept);
        }
    }

    private static void refused415(MvcTestResult result, String as) {
        assertThat(result).as(as).hasStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().extractingPath("$.code").isEqualTo("error.contentEncoding");
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    @Test
    void aBodySentWithAContentEncodingIsRefused415BeforeItIsRead() throws IOException {
        MvcTestResult gzipped = captureLead().header(HttpHeaders.CONTENT_ENCODING, "gzip")
                .content(gzip(co.gradeBLead("压缩请求体公司", "13822297703"))).exchange();
        refused415(gzipped, "gzip");
        assertThat(gzipped.getResponse().getHeader(HttpHeaders.ACCEPT_ENCODING)).isEqualTo("identity");
        refused415(captureLead().header(HttpHeaders.CONTENT_ENCODING, "br")
                .content(co.gradeBLead("压缩请求体公司", "13822297703")).exchange(),
                "a plain body labelled br is not read as if the label were not there");
        assertThat(leadsNamed("压缩请求体公司")).isZero();

        refused415(webToLead(apiKey("压缩官网")).header(HttpHeaders.CONTENT_ENCODING, "gzip")
                .content(gzip("{\"companyName\":\"压缩网单公司\",\"phone\":\"13900007720\"}")).exchange(), "web-to-lead gzip");
        assertThat(leadsNamed("压缩网单公司")).isZero();

        assertThat(captureLead().header(HttpHeaders.CONTENT_ENCODING, "identity")
                .content(co.gradeBLead("原样请求体公司", "13822297704"))).hasStatus(HttpStatus.CREATED);

        Cookie session = fixtures.session(mvc, "admin", Fixtures.ADMIN_PASSWORD);
        MvcTestResult page = mvc.post().uri("/admin/opportunity-lost-reasons").cookie(session)
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                .header(HttpHeaders.CONTENT_ENCODING, "gzip").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .content(gzip("name=压缩原因")).exchange();
        assertThat(page).hasStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE).hasContentTypeCompatibleWith(MediaType.TEXT_HTML);
    }
}
