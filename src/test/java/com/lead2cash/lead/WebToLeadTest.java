package com.lead2cash.lead;

import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.testing.IntegrationTest;
import com.lead2cash.testing.LeadTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The public web-to-lead endpoint: key, idempotency, rate limit, strict validation. */
@IntegrationTest
class WebToLeadTest {

    @Autowired MockMvcTester mvc;
    @Autowired LeadTestSupport support;
    @Autowired com.lead2cash.testing.Fixtures fixtures;
    @Autowired JdbcClient jdbc;

    String key;

    @BeforeEach
    void issueKey() {
        key = support.postJson(mvc, support.bearer(mvc, "admin"), "/api/v1/lead-api-keys",
                "{\"name\":\"官网\",\"source\":\"WEBSITE_FORM\",\"ratePerMinute\":5}").get("apiKey").asString();
    }

    private MvcTestResult submit(String apiKey, String idempotencyKey, String body) {
        var request = mvc.post().uri("/api/v1/public/leads").contentType(MediaType.APPLICATION_JSON).content(body);
        if (apiKey != null) {
            request = request.header("X-Api-Key", apiKey);
        }
        if (idempotencyKey != null) {
            request = request.header("Idempotency-Key", idempotencyKey);
        }
        return request.exchange();
    }

    private int leadsNamed(String name) {
        return jdbc.sql("select count(*) from lead_lead where company_name = :n").param("n", name).query(Integer.class).single();
    }

    @Test
    void theSameIdempotencyKeyWithADifferentBodyIsRefused422AndCreatesNothing() {
        assertThat(submit(key, "form-456", "{\"companyName\":\"第一家公司\",\"phone\":\"13900000002\"}"))
                .hasStatus(HttpStatus.CREATED);
        MvcTestResult other = submit(key, "form-456", "{\"companyName\":\"第二家公司\",\"phone\":\"13900000003\"}");
        assertThat(other).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(other).bodyJson().extractingPath("$.errors[0].code").isEqualTo("lead.idempotencyKey.reused");
        assertThat(leadsNamed("第二家公司")).isZero();
        // the same body again, spaced differently, is the same submission
        assertThat(submit(key, "form-456", "{ \"phone\": \"13900000002\", \"companyName\": \"第一家公司\" }"))
                .hasStatus(HttpStatus.OK);
    }

    @Test
    void theSameIdempotencyKeyTwiceCreatesOneLeadAndAnswersIt() {
        String body = "{\"companyName\":\"幂等测试公司\",\"phone\":\"13900000001\"}";
        MvcTestResult first = submit(key, "form-123", body);
        MvcTestResult again = submit(key, "form-123", body);
        assertThat(first).hasStatus(HttpStatus.CREATED);
        assertThat(again).hasStatus(HttpStatus.OK);
        assertThat(support.json(first).propertyNames()).containsExactlyInAnyOrder("code", "status");
        assertThat(support.json(again)).isEqualTo(support.json(first));
        assertThat(support.json(first).get("code").asString()).matches("L-\\d{4}-\\d{6}");
        assertThat(support.json(first).get("status").asString()).isEqualTo("NEW");
        assertThat(leadsNamed("幂等测试公司")).isEqualTo(1);
        assertThat(jdbc.sql("select source from lead_lead where company_name = '幂等测试公司'").query(String.class).single())
                .isEqualTo("WEBSITE_FORM");
    }

    @Test
    void aRepeatedIdempotencyKeyAnswersTheBodyFirstAnsweredNotHowSalesHandledTheLeadSince() {
        String body = "{\"companyName\":\"幂等状态公司\",\"phone\":\"13900000031\"}";
        MvcTestResult first = submit(key, "form-status-1", body);
        assertThat(first).hasStatus(HttpStatus.CREATED);
        assertThat(support.json(first).get("status").asString()).isEqualTo("NEW");
        String code = support.json(first).get("code").asString();
        // sales disqualifies the lead inside the product
        jdbc.sql("update lead_lead set status = 'DISQUALIFIED' where code = :c").param("c", code).update();

        MvcTestResult again = submit(key, "form-status-1", body);
        assertThat(again).hasStatus(HttpStatus.OK);
        assertThat(support.json(again)).isEqualTo(support.json(first));
        // a key kept before the first answer's status was: the lead as captured, still not where it stands now
        jdbc.sql("update lead_idempotency set answered_status = null where idem_key = 'form-status-1'").update();
        MvcTestResult old = submit(key, "form-status-1", body);
        assertThat(old).hasStatus(HttpStatus.OK);
        assertThat(support.json(old)).isEqualTo(support.json(first));
        assertThat(leadsNamed("幂等状态公司")).isEqualTo(1);
    }

    @Test
    void anIdempotencyKeyOrApiKeySentTwiceIs400NamingTheHeaderAndStoresNothing() {
        MvcTestResult twoKeys = mvc.post().uri("/api/v1/public/leads").contentType(MediaType.APPLICATION_JSON)
                .content("{\"companyName\":\"两个幂等键公司\"}").header("X-Api-Key", key)
                .header("Idempotency-Key", "idem-a1", "idem-a2").exchange();
        assertThat(twoKeys).hasStatus(HttpStatus.BAD_REQUEST).bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.errors[0].field").isEqualTo("Idempotency-Key");
            assertThat(json).extractingPath("$.errors[0].code").isEqualTo("error.header.repeated");
            assertThat(json).extractingPath("$.errors[0].message")
                    .isEqualTo("The Idempotency-Key header was sent more than once; send it once, with one value.");
        });
        assertThat(leadsNamed("两个幂等键公司")).isZero();
        assertThat(jdbc.sql("select count(*) from lead_idempotency where idem_key like 'idem-a%'").query(Integer.class)
                .single()).isZero();
        // a key is an opaque token: one header whose value has a comma is that one key
        assertThat(submit(key, "idem-a1,idem-a2", "{\"companyName\":\"两个幂等键公司\"}")).hasStatus(HttpStatus.CREATED);
        assertThat(submit(key, "idem-a1", "{\"companyName\":\"两个幂等键公司\"}")).hasStatus(HttpStatus.CREATED);
        assertThat(leadsNamed("两个幂等键公司")).isEqualTo(2);

        MvcTestResult twoApiKeys = mvc.post().uri("/api/v1/public/leads").contentType(MediaType.APPLICATION_JSON)
                .content("{\"companyName\":\"两个接口密钥公司\"}").header("X-Api-Key", key, key).exchange();
        assertThat(twoApiKeys).hasStatus(HttpStatus.BAD_REQUEST).bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.errors[0].field").isEqualTo("X-Api-Key");
            assertThat(json).extractingPath("$.errors[0].code").isEqualTo("error.header.repeated");
        });
        assertThat(leadsNamed("两个接口密钥公司")).isZero();
    }

    @Test
    void theAnswerSaysNothingAboutOtherRecordsEvenWhenTheCompanyIsKnown() throws Exception {
        MvcTestResult first = submit(key, null, "{\"companyName\":\"已知公司\",\"phone\":\"13900000077\"}");
        MvcTestResult duplicate = submit(key, null, "{\"companyName\":\"已知公司\",\"phone\":\"13900000077\"}");
        assertThat(duplicate).hasStatus(HttpStatus.CREATED);
        assertThat(support.json(duplicate).propertyNames()).containsExactlyInAnyOrder("code", "status");
        assertThat(support.json(duplicate).get("code")).isNotEqualTo(support.json(first).get("code"));
        assertThat(duplicate.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
                .doesNotContain(support.json(first).get("code").asString(), "已知公司", "13900000077");
        assertThat(duplicate.getResponse().getHeader("Location")).isNull();
    }

    @Test
    void aMissingUnknownOrRevokedKeyIs401AndStoresNothing() {
        // RFC 9110: a 401 names how to authenticate — the key, in its header
        assertThat(submit(null, null, "{\"companyName\":\"无钥匙\"}")).hasStatus(HttpStatus.UNAUTHORIZED)
                .hasHeader(org.springframework.http.HttpHeaders.WWW_AUTHENTICATE,
                        "ApiKey realm=\"lead2cash\", header=\"X-Api-Key\"");
        assertThat(submit("l2cw_not-a-key", null, "{\"companyName\":\"无钥匙\"}")).hasStatus(HttpStatus.UNAUTHORIZED)
                .hasHeader(org.springframework.http.HttpHeaders.WWW_AUTHENTICATE,
                        "ApiKey realm=\"lead2cash\", header=\"X-Api-Key\"")
                .bodyJson().extractingPath("$.code").isEqualTo("lead.apiKey.rejected");
        assertThat(leadsNamed("无钥匙")).isZero();
    }

    @Test
    void withoutAValidKeyTheAnswerIs401WhateverTheBody() {
        // the key is checked before the body is read (decision 0014: 401 first), not after a lecture about it
        assertThat(submit(null, null, "{\"companyName\":\"x\",\"source\":\"NOPE\"}")).hasStatus(HttpStatus.UNAUTHORIZED)
                .bodyJson().extractingPath("$.code").isEqualTo("lead.apiKey.rejected");
        assertThat(submit("l2cw_not-a-key", null, "{not json")).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(submit(null, null, "{\"companyName\":\"无钥匙大正文\",\"padding\":\"" + "x".repeat(3 << 20) + "\"}"))
                .hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(leadsNamed("无钥匙大正文")).isZero();
    }

    @Test
    void anOptionsRequestNeedsNoKeyAndABrowsersPreflightIsGrantedNoOtherOrigin() {
        // it carries no key and submits nothing: answered with what the route allows, never a 5xx
        MvcTestResult options = mvc.options().uri("/api/v1/public/leads").exchange();
        assertThat(options).hasStatusOk();
        assertThat(options.getResponse().getHeader(org.springframework.http.HttpHeaders.ALLOW)).contains("POST");
        // a website's script asking first: no cross-origin access is configured, so none is granted
        MvcTestResult preflight = mvc.options().uri("/api/v1/public/leads")
                .header(org.springframework.http.HttpHeaders.ORIGIN, "https://www.example.com")
                .header(org.springframework.http.HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .header(org.springframework.http.HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "x-api-key,content-type")
                .exchange();
        assertThat(preflight.getResponse().getStatus()).isLessThan(500);
        assertThat(preflight.getResponse().getHeader(org.springframework.http.HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN))
                .isNull();
        // the submission itself is still checked
        assertThat(submit(null, null, "{\"companyName\":\"预检之后\"}")).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(leadsNamed("预检之后")).isZero();
    }

    @Test
    void aBodyPastTheLimitIs413AndStoresNothing() {
        String large = "{\"companyName\":\"大正文公司\",\"padding\":\"" + "x".repeat(3 << 20) + "\"}";
        assertThat(submit(key, null, large)).hasStatus(HttpStatus.CONTENT_TOO_LARGE)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().extractingPath("$.code").isEqualTo("error.bodyTooLarge");
        assertThat(leadsNamed("大正文公司")).isZero();
    }

    @Test
    void beyondTheKeysRatePerMinuteTheAnswerIs429() {
        for (int i = 0; i < 5; i++) {
            assertThat(submit(key, null, "{\"companyName\":\"限流公司" + i + "\"}")).hasStatus(HttpStatus.CREATED);
        }
        assertThat(submit(key, null, "{\"companyName\":\"限流公司X\"}")).hasStatus(HttpStatus.TOO_MANY_REQUESTS)
                .hasHeader("Retry-After", "60");
        assertThat(leadsNamed("限流公司X")).isZero();
    }

    @Test
    void aNewMinutesFirstRequestDropsTheKeysEarlierWindows() {
        java.util.UUID keyId = jdbc.sql("select id from lead_api_key where key_prefix = :p")
                .param("p", key.substring(0, 9)).query(java.util.UUID.class).single();
        // a spent window of an earlier minute neither counts nor stays
        jdbc.sql("insert into lead_rate_window (api_key_id, window_start, hits) values (:k, "
                + "date_trunc('minute', now()) - interval '2 minutes', 99)").param("k", keyId).update();
        assertThat(submit(key, null, "{\"companyName\":\"新一分钟公司\"}")).hasStatus(HttpStatus.CREATED);
        assertThat(submit(key, null, "{\"companyName\":\"新一分钟公司二\"}")).hasStatus(HttpStatus.CREATED);
        assertThat(jdbc.sql("select hits from lead_rate_window where api_key_id = :k").param("k", keyId)
                .query(Integer.class).list()).as("one window, this minute's").singleElement()
                .satisfies(hits -> assertThat(hits).isBetween(1, 2));
    }

    @Test
    void anInvalidCreditCodeIsRefusedFieldByField() {
        assertThat(submit(key, null, "{\"companyName\":\"信用代码错误公司\",\"uscc\":\"91350100M000100Y44\"}"))
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("uscc");
        assertThat(submit(key, null, "{\"companyName\":\"信用代码正确公司\",\"uscc\":\"91350100M000100Y43\"}"))
                .hasStatus(HttpStatus.CREATED);
        assertThat(leadsNamed("信用代码错误公司")).isZero();
    }

    @Test
    void aCompanyNameOfNothingButInvisibleCharactersIsRefusedAsRequired() {
        int before = jdbc.sql("select count(*) from lead_lead").query(Integer.class).single();
        for (String blank : new String[] {"\\u200b", "\\u00a0\\u00a0", "\\ufeff", "\\u2060 \\u3000"}) {
            MvcTestResult answer = submit(key, null, "{\"companyName\":\"" + blank + "\"}");
            assertThat(answer).as(blank).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
            assertThat(answer).bodyJson().extractingPath("$.errors[0].field").isEqualTo("companyName");
            assertThat(answer).bodyJson().extractingPath("$.errors[0].code").isEqualTo("lead.companyName.required");
        }
        assertThat(jdbc.sql("select count(*) from lead_lead").query(Integer.class).single()).isEqualTo(before);
        // what is invisible at the ends is taken off; inside the name it is kept as typed
        assertThat(submit(key, null, "{\"companyName\":\"\\u200b\\u00a0零宽\\u200d空格公司\\ufeff\"}"))
                .hasStatus(HttpStatus.CREATED);
        assertThat(leadsNamed("零宽\u200d空格公司")).isOne();
    }

    @Test
    void oversizedFieldsAreRefusedAndNothingIsStored() {
        String longName = "大".repeat(201);
        MvcTestResult result = submit(key, null, "{\"companyName\":\"" + longName + "\",\"notes\":\"" + "x".repeat(2001) + "\"}");
        assertThat(result).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
                .bodyJson().extractingPath("$.errors[*].field").asArray().containsExactlyInAnyOrder("companyName", "notes");
        assertThat(leadsNamed(longName)).isZero();
    }

    @Test
    void everyFieldErrorOfOneSubmissionIsAnsweredAtOnce() {
        MvcTestResult result = submit(key, null, """
                {"companyName":"一次报全公司","budget":-5,"purchaseDate":"1700-01-01","uscc":"123","email":"bad",
                 "notes":"a\\u0000b"}""");
        assertThat(result).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.errors[*].field").asArray()
                    .containsExactlyInAnyOrder("purchaseDate", "notes", "budget", "uscc", "email");
            // the date is refused by the input rules, as before, not again by the lead's own rule
            assertThat(json).extractingPath("$.errors[?(@.field == 'purchaseDate')].code").asArray()
                    .containsExactly("error.input.dateOutOfRange");
        });
        assertThat(leadsNamed("一次报全公司")).isZero();
        // a body of refused values alone is refused all the same, whatever else it says
        assertThat(submit(key, null, "{\"companyName\":\"日期错误公司\",\"purchaseDate\":\"1700-01-01\"}"))
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(leadsNamed("日期错误公司")).isZero();
    }

    /** SPEC §6: the keys are a list like any other, {items, nextCursor}, newest first a page at a time. */
    @Test
    void theKeysPageWithACursorAndAForgedCursorIsA400() {
        String admin = support.bearer(mvc, "admin");
        java.util.List<String> issued = new java.util.ArrayList<>();
        for (String name : new String[] {"分页一", "分页二", "分页三"}) {
            issued.add(support.postJson(mvc, admin, "/api/v1/lead-api-keys",
                    "{\"name\":\"" + name + "\",\"source\":\"WEBSITE_FORM\"}").get("id").asString());
        }
        var first = support.getJson(mvc, admin, "/api/v1/lead-api-keys?size=2");
        assertThat(first.get("items")).hasSize(2);
        var second = support.getJson(mvc, admin, "/api/v1/lead-api-keys?size=2&cursor=" + first.get("nextCursor").asString());
        assertThat(second.get("items").valueStream().map(k -> k.get("id").asString()))
                .as("the second page goes on after the first").isNotEmpty()
                .doesNotContainAnyElementsOf(first.get("items").valueStream().map(k -> k.get("id").asString()).toList());

        java.util.List<String> walked = new java.util.ArrayList<>();
        String cursor = null;
        do {
            var page = support.getJson(mvc, admin, "/api/v1/lead-api-keys?size=2" + (cursor == null ? "" : "&cursor=" + cursor));
            page.get("items").forEach(k -> walked.add(k.get("id").asString()));
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
        } while (cursor != null);
        assertThat(walked).as("every key once, in the order of one long page").doesNotHaveDuplicates()
                .containsAll(issued)
                .hasSize(jdbc.sql("select count(*) from lead_api_key").query(Integer.class).single())
                .isEqualTo(support.getJson(mvc, admin, "/api/v1/lead-api-keys?size=200").get("items").valueStream()
                        .map(k -> k.get("id").asString()).toList());

        for (String forged : new String[] {"not-a-cursor", "eA"}) {
            assertThat(mvc.get().uri("/api/v1/lead-api-keys?cursor={c}", forged).header("Authorization", admin))
                    .as(forged).hasStatus(HttpStatus.BAD_REQUEST)
                    .bodyJson().extractingPath("$.errors[0].field").isEqualTo("cursor");
        }
    }

    @Test
    void aRevokedKeyNoLongerWorks() {
        String admin = support.bearer(mvc, "admin");
        String id = support.getJson(mvc, admin, "/api/v1/lead-api-keys").get("items").get(0).get("id").asString();
        assertThat(mvc.delete().uri("/api/v1/lead-api-keys/" + id).header("Authorization", admin)).hasStatus(HttpStatus.NO_CONTENT);
        assertThat(submit(key, null, "{\"companyName\":\"吊销后\"}")).hasStatus(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void issuingAndRevokingAKeyAreInTheAuditTrailWithoutTheSecret() {
        String admin = support.bearer(mvc, "admin");
        var issued = support.postJson(mvc, admin, "/api/v1/lead-api-keys",
                "{\"name\":\"展会表单\",\"source\":\"TRADE_SHOW\",\"ratePerMinute\":10}");
        String id = issued.get("id").asString();
        assertThat(mvc.delete().uri("/api/v1/lead-api-keys/" + id).header("Authorization", admin)).hasStatus(HttpStatus.NO_CONTENT);
        assertThat(mvc.delete().uri("/api/v1/lead-api-keys/" + id).header("Authorization", admin))
                .as("revoked already: nothing more to do, and still listed — not 'not found'")
                .hasStatus(HttpStatus.NO_CONTENT);
        assertThat(mvc.delete().uri("/api/v1/lead-api-keys/" + java.util.UUID.randomUUID()).header("Authorization", admin))
                .hasStatus(HttpStatus.NOT_FOUND);

        var entries = jdbc.sql("""
                        select action, actor_name, coalesce(detail, '') || coalesce(new_value, '') as text
                        from platform_audit_event where entity_type = 'LeadApiKey' and entity_id = :id order by id""")
                .param("id", id).query((rs, i) -> rs.getString("action") + "|" + rs.getString("actor_name") + "|"
                        + rs.getString("text")).list();
        assertThat(entries).as("the second revoke recorded nothing").hasSize(2);
        assertThat(entries.get(0)).startsWith("lead.apiKey.issued|admin|").contains("展会表单", "TRADE_SHOW");
        assertThat(entries.get(1)).startsWith("lead.apiKey.revoked|admin|");
        assertThat(String.join("\n", entries)).doesNotContain(issued.get("apiKey").asString());
    }

    @Test
    void aKeyNameIsOneLine() {
        MvcTestResult refused = mvc.post().uri("/api/v1/lead-api-keys")
                .header("Authorization", support.bearer(mvc, "admin")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"官网\\n表单\",\"source\":\"WEBSITE_FORM\",\"ratePerMinute\":5}").exchange();
        assertThat(refused).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyJson()
                .extractingPath("$.errors[0].field").isEqualTo("name");
        assertThat(jdbc.sql("select count(*) from lead_api_key where name like '官网%表单'").query(Long.class).single())
                .isZero();
    }

    @Test
    void aValueOfTheWrongTypeIsRefusedNamingItsField() {
        assertThat(submit(key, null, "{\"companyName\":\"类型错误公司\",\"source\":\"BILLBOARD\"}"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("source");
        assertThat(submit(key, null, "{\"companyName\":\"类型错误公司\",\"purchaseDate\":\"next week\"}"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("purchaseDate");
        assertThat(leadsNamed("类型错误公司")).isZero();
    }

    @Test
    void anAmountBeyondTheMoneyColumnsIsRefusedAsOnTheSignedInRouteNotAsUnreadable() {
        MvcTestResult result = submit(key, null, "{\"companyName\":\"预算过大公司\",\"budget\":" + "9".repeat(40) + "}");
        assertThat(result).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.errors[0].field").isEqualTo("budget");
            assertThat(json).extractingPath("$.errors[0].code").isEqualTo("error.input.amountTooLarge");
        });
        // an exponent is no amount on any route (a screen's form refuses it too)
        assertThat(submit(key, null, "{\"companyName\":\"预算过大公司\",\"budget\":1e400}"))
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyJson()
                .extractingPath("$.errors[0].code").isEqualTo("error.input.amountExponent");
        assertThat(leadsNamed("预算过大公司")).isZero();
    }

    @Test
    void aBodyInAnotherFormatThanJsonOrAFieldGivenTwiceIsRefusedAndStoresNothing() {
        MvcTestResult yaml = mvc.post().uri("/api/v1/public/leads").header("X-Api-Key", key)
                .contentType(MediaType.APPLICATION_YAML).content("companyName: YAML提交公司\n").exchange();
        assertThat(yaml).hasStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().extractingPath("$.code").isEqualTo("error.http.415");
        assertThat(leadsNamed("YAML提交公司")).isZero();
        MvcTestResult twice = submit(key, null, "{\"companyName\":\"重复字段公司\",\"companyName\":\"重复字段公司二\"}");
        assertThat(twice).hasStatus(HttpStatus.BAD_REQUEST).bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.errors[0].field").isEqualTo("companyName");
            assertThat(json).extractingPath("$.errors[0].code").isEqualTo("error.duplicateField");
        });
        assertThat(leadsNamed("重复字段公司") + leadsNamed("重复字段公司二")).isZero();
    }

    /** Decision 0063: the keys screen reads the keys a page at a time, as GET /api/v1/lead-api-keys does. */
    @Test
    void theKeysScreenShowsAPageAtATimeAndTheNextPageGoesOnAfterIt() throws Exception {
        String admin = support.bearer(mvc, "admin");
        for (int i = 0; i <= com.lead2cash.platform.CursorPage.DEFAULT_SIZE; i++) {
            support.postJson(mvc, admin, "/api/v1/lead-api-keys", "{\"name\":\"屏幕分页 " + i + "\",\"source\":\"WEBSITE_FORM\"}");
        }
        var session = fixtures.session(mvc, "admin", com.lead2cash.testing.Fixtures.ADMIN_PASSWORD);
        String first = mvc.get().uri("/admin/lead-api-keys?lang=en").cookie(session).exchange().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        java.util.List<String> firstKeys = keysShown(first);
        assertThat(firstKeys).as("a page, as the API's first")
                .isEqualTo(support.getJson(mvc, admin, "/api/v1/lead-api-keys").get("items").valueStream()
                        .map(k -> k.get("id").asString()).toList())
                .hasSize(com.lead2cash.platform.CursorPage.DEFAULT_SIZE);
        var more = java.util.regex.Pattern.compile("hx-get=\"(/admin/lead-api-keys\\?cursor=[^\"]+)\"").matcher(first);
        assertThat(more.find()).as("a next page").isTrue();
        var rows = mvc.get().uri(more.group(1)).cookie(session).header("HX-Request", "true").exchange();
        assertThat(rows).hasStatusOk();
        String second = rows.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(second).as("the rows alone").doesNotContain("<html", "name=\"ratePerMinute\"");
        assertThat(keysShown(second)).as("the second page goes on after the first").isNotEmpty()
                .doesNotContainAnyElementsOf(firstKeys);
    }

    /** The keys the screen's rows show, in order. */
    private static java.util.List<String> keysShown(String html) {
        return java.util.regex.Pattern.compile("id=\"api-key-([0-9a-f-]{36})\"").matcher(html).results()
                .map(m -> m.group(1)).toList();
    }

    @Test
    void theKeysScreenListsKeysWithoutTheirSecrets() throws Exception {
        var session = fixtures.session(mvc, "admin", com.lead2cash.testing.Fixtures.ADMIN_PASSWORD);
        String html = mvc.get().uri("/admin/lead-api-keys?lang=zh-CN").cookie(session).exchange().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(html).contains("官网", key.substring(0, 9)).doesNotContain(key).doesNotContain("??");
    }
}
