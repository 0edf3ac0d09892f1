package com.lead2cash.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import com.lead2cash.testing.CustomerTestSupport;
import com.lead2cash.testing.Fixtures;
import com.lead2cash.testing.IntegrationTest;
import com.lead2cash.testing.TestClock;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Bad input is refused by one mechanism for every request — JSON bodies, query parameters and form
 * fields — with a 4xx naming the field, and nothing is stored. (The walk over every route is
 * {@link HostileInputWalkTest}; these are the rules one by one.)
 */
@IntegrationTest
@Import(TestClock.class)
class BadInputTest {

    /** Stands for any write the modules forgot to check and the database refuses. */
    @RestController
    static class UncheckedWrite {
        @PostMapping("/api/v1/test-only/unchecked")
        void write() {
            throw new DataIntegrityViolationException("ERROR: value too long for type character varying(10)");
        }
    }

    /** Stands for a multipart or form route that reads an amount as a parameter (a contract amendment's change). */
    @RestController
    static class AmountParameter {
        @PostMapping("/api/v1/test-only/amount")
        java.util.Map<String, String> write(
                @org.springframework.web.bind.annotation.RequestParam java.math.BigDecimal amountChange) {
            return java.util.Map.of("amountChange", amountChange.toPlainString());
        }
    }

    /** Stands for a route that reads a month as a parameter (the forecast's first month). */
    @RestController
    static class MonthParameter {
        @org.springframework.web.bind.annotation.GetMapping("/api/v1/test-only/month")
        java.util.Map<String, String> read(@org.springframework.web.bind.annotation.RequestParam java.time.YearMonth from) {
            return java.util.Map.of("from", from.toString());
        }
    }

    /** Stands for a body with date-times of every kind: an offset, a zoned and a local one (an instant is a real route's). */
    @RestController
    static class DateTimeBody {
        record Times(java.time.OffsetDateTime offset, java.time.ZonedDateTime zoned, java.time.LocalDateTime local) {
        }

        @PostMapping("/api/v1/test-only/date-times")
        Times write(@org.springframework.web.bind.annotation.RequestBody Times times) {
            return times;
        }
    }

    @TestConfiguration
    static class Routes {
        @Bean
        DateTimeBody dateTimeBody() {
            return new DateTimeBody();
        }

        @Bean
        UncheckedWrite uncheckedWrite() {
            return new UncheckedWrite();
        }

        @Bean
        AmountParameter amountParameter() {
            return new AmountParameter();
        }

        @Bean
        MonthParameter monthParameter() {
            return new MonthParameter();
        }
    }

    @Autowired MockMvcTester mvc;
    @Autowired Fixtures fixtures;
    @Autowired JdbcClient jdbc;
    @Autowired CustomerTestSupport customers;
    @Autowired com.lead2cash.testing.MutableClock clock;

    private String admin;

    @BeforeEach
    void signIn() {
        admin = "Bearer " + fixtures.token(mvc, "admin");
    }

    private MvcTestResult post(String uri, String json) {
        return mvc.post().uri(uri).header(HttpHeaders.AUTHORIZATION, admin).contentType(MediaType.APPLICATION_JSON)
                .content(json).exchange();
    }

    private MvcTestResult get(String uri, Object... vars) {
        return mvc.get().uri(uri, vars).header(HttpHeaders.AUTHORIZATION, admin).exchange();
    }

    private int orgUnits() {
        return jdbc.sql("select count(*) from platform_org_unit").query(Integer.class).single();
    }

    @Test
    void aBlankUnitOrTerritoryNameIsRefusedAsRequiredNotAsTooLong() throws Exception {
        int before = orgUnits();
        MvcTestResult unit = mvc.post().uri("/admin/org").cookie(adminSession()).with(csrf())
                .param("parentId", fixtures.rootUnit().toString()).param("name", "  ").exchange();
        assertThat(unit).hasStatus3xxRedirection().flash().containsEntry("flashError", "org.name.required");
        assertThat(orgUnits()).isEqualTo(before);
        MvcTestResult territory = post("/api/v1/lead-territories", "{\"name\":\" \"}");
        assertThat(territory).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(territory).bodyJson().extractingPath("$.errors[0].field").isEqualTo("name");
        assertThat(territory).bodyJson().extractingPath("$.errors[0].code").isEqualTo("territory.name.required");
        // too long is still said as too long
        assertThat(post("/api/v1/lead-territories", "{\"name\":\"" + "区".repeat(101) + "\"}")).bodyJson()
                .extractingPath("$.errors[0].code").isEqualTo("territory.name.invalid");
    }

    @Test
    void aNameOfNothingButInvisibleCharactersIsRefusedAsRequiredAndNothingIsStored() {
        int customersBefore = jdbc.sql("select count(*) from customer_customer").query(Integer.class).single();
        int leadsBefore = jdbc.sql("select count(*) from lead_lead").query(Integer.class).single();
        // a zero-width space, a no-break space, a byte order mark, a word joiner: a name that shows as none
        for (String blank : new String[] {"\\u200b\\u200b\\u200b", "\\u00a0\\u00a0", "\\ufeff", "\\u2060\\u200e \\u3000"}) {
            MvcTestResult customer = post("/api/v1/customers", "{\"name\":\"" + blank + "\"}");
            assertThat(customer).as(blank).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
            assertThat(customer).bodyJson().extractingPath("$.errors[0].field").isEqualTo("name");
            assertThat(customer).bodyJson().extractingPath("$.errors[0].code").isEqualTo("customer.name.required");
            MvcTestResult lead = post("/api/v1/leads", "{\"companyName\":\"" + blank + "\",\"source\":\"REFERRAL\"}");
            assertThat(lead).as(blank).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
            assertThat(lead).bodyJson().extractingPath("$.errors[0].field").isEqualTo("companyName");
            assertThat(lead).bodyJson().extractingPath("$.errors[0].code").isEqualTo("lead.companyName.required");
            MvcTestResult territory = post("/api/v1/lead-territories", "{\"name\":\"" + blank + "\"}");
            assertThat(territory).as(blank).bodyJson().extractingPath("$.errors[0].code")
                    .isEqualTo("territory.name.required");
        }
        assertThat(jdbc.sql("select count(*) from customer_customer").query(Integer.class).single())
                .isEqualTo(customersBefore);
        assertThat(jdbc.sql("select count(*) from lead_lead").query(Integer.class).single()).isEqualTo(leadsBefore);
    }

    @Test
    void invisibleCharactersAtANamesEndsAreTakenOffAndThoseInsideKept() {
        String name = "隐形字符" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(post("/api/v1/leads", "{\"companyName\":\"\\u00a0\\u200b" + name.substring(0, 2) + "\\u200d"
                + name.substring(2) + "\\ufeff\\u3000\",\"source\":\"REFERRAL\"}")).hasStatus(HttpStatus.CREATED);
        assertThat(jdbc.sql("select company_name from lead_lead where company_name like :n")
                .param("n", "%" + name.substring(2)).query(String.class).list())
                .containsExactly(name.substring(0, 2) + "\u200d" + name.substring(2));
    }

    @Test
    void textWithANulCharacterIsRefusedWith422NamingTheFieldAndNothingIsStored() {
        int before = orgUnits();
        MvcTestResult answer = post("/api/v1/org-units",
                "{\"parentId\":\"" + fixtures.rootUnit() + "\",\"name\":\"East\\u0000West\"}");
        assertThat(answer).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(answer).bodyJson().extractingPath("$.errors[0].field").isEqualTo("name");
        assertThat(answer).bodyJson().extractingPath("$.errors[0].code").isEqualTo("error.input.controlCharacter");
        assertThat(orgUnits()).isEqualTo(before);
    }

    @Test
    void aControlCharacterDeepInsideABodyIsNamedByItsPath() {
        MvcTestResult answer = post("/api/v1/policy", """
                {"reason":"tidy","changes":[{"rule":"L1","parameter":"window","value":"30m\\u0007"}]}""");
        assertThat(answer).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(answer).bodyJson().extractingPath("$.errors[0].field").isEqualTo("changes[0].value");
    }

    @Test
    void aFieldTheRequestDoesNotHaveIsRefusedNamingItAndWhatItTakesAndNothingChanges() {
        int before = orgUnits();
        // a typo ("nmae") answered as if the name were left out would send the client looking in the wrong place
        MvcTestResult answer = post("/api/v1/org-units", "{\"parentId\":\"" + fixtures.rootUnit() + "\",\"nmae\":\"East\"}");
        assertThat(answer).hasStatus(HttpStatus.BAD_REQUEST)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(answer).bodyJson().extractingPath("$.errors[0].field").isEqualTo("nmae");
        assertThat(answer).bodyJson().extractingPath("$.errors[0].code").isEqualTo("error.unknownField");
        assertThat(answer).bodyJson().extractingPath("$.errors[0].message").asString().contains("nmae", "name", "parentId");
        // deep inside a body too, by its path
        assertThat(post("/api/v1/policy", """
                {"reason":"tidy","changes":[{"rule":"L1","parameter":"window","value":"30m","valeu":"1h"}]}"""))
                .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field").isEqualTo("changes[0].valeu");
        assertThat(orgUnits()).isEqualTo(before);
    }

    @Test
    void moneyMaySayItsCurrencyWhichIsYuanAnotherIsRefusedByFieldAndNothingIsStored() {
        // SPEC §6: money carries `currency` (default CNY); a client sending it back must not be told there is no such field
        MvcTestResult yuan = post("/api/v1/leads",
                "{\"companyName\":\"币种人民币公司\",\"source\":\"TRADE_SHOW\",\"budget\":1000,\"currency\":\"CNY\"}");
        assertThat(yuan).hasStatus(HttpStatus.CREATED);
        assertThat(post("/api/v1/leads", "{\"companyName\":\"币种留空公司\",\"source\":\"TRADE_SHOW\",\"currency\":null}"))
                .as("null says no more than leaving it out").hasStatus(HttpStatus.CREATED);
        MvcTestResult dollars = post("/api/v1/leads",
                "{\"companyName\":\"币种美元公司\",\"source\":\"TRADE_SHOW\",\"budget\":1000,\"currency\":\"USD\"}");
        assertThat(dollars).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(dollars).bodyJson().extractingPath("$.errors[0].field").isEqualTo("currency");
        assertThat(dollars).bodyJson().extractingPath("$.errors[0].code").isEqualTo("error.input.currency");
        assertThat(post("/api/v1/leads",
                "{\"companyName\":\"币种数字公司\",\"source\":\"TRADE_SHOW\",\"currency\":156}"))
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(jdbc.sql("select count(*) from lead_lead where company_name in ('币种美元公司', '币种数字公司')")
                .query(Integer.class).single()).isZero();
    }

    @Test
    void aRefusalsTitleIsInTheReadersLanguageAsItsDetailIs() {
        for (String[] lang : new String[][] {{"zh-CN", "输入无法接受"}, {"en", "Unprocessable Content"}}) {
            MvcTestResult refused = mvc.post().uri("/api/v1/leads").header(HttpHeaders.AUTHORIZATION, admin)
                    .header(HttpHeaders.ACCEPT_LANGUAGE, lang[0]).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"companyName\":\"\",\"source\":\"TRADE_SHOW\"}").exchange();
            assertThat(refused).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
            assertThat(refused).bodyJson().extractingPath("$.title").isEqualTo(lang[1]);
        }
        MvcTestResult missing = mvc.get().uri("/api/v1/leads/" + java.util.UUID.randomUUID())
                .header(HttpHeaders.AUTHORIZATION, admin).header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN").exchange();
        assertThat(missing).hasStatus(HttpStatus.NOT_FOUND).bodyJson().extractingPath("$.title").isEqualTo("未找到");
    }

    @Test
    void aBidiOverrideInANameIsRefusedLikeAControlCharacterAndNothingIsStored() {
        // shown in a list, "\u202eRTL公司" reads reversed: a name that spoofs another
        MvcTestResult answer = post("/api/v1/leads", "{\"companyName\":\"\\u202eRTL公司\\u200f\",\"source\":\"TRADE_SHOW\"}");
        assertThat(answer).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(answer).bodyJson().extractingPath("$.errors[0].field").isEqualTo("companyName");
        assertThat(answer).bodyJson().extractingPath("$.errors[0].code").isEqualTo("error.input.controlCharacter");
        assertThat(jdbc.sql("select count(*) from lead_lead where company_name like '%RTL公司%'").query(Integer.class)
                .single()).isZero();
    }

    @Test
    void aLoneSurrogateInABodyIsRefusedAsABrokenCharacterInBothLanguages() {
        for (String[] lang : new String[][] {{"en", "lone surrogate"}, {"zh-CN", "代理项"}}) {
            MvcTestResult answer = mvc.post().uri("/api/v1/leads").header(HttpHeaders.AUTHORIZATION, admin)
                    .header(HttpHeaders.ACCEPT_LANGUAGE, lang[0]).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"companyName\":\"a\\ud800b\",\"source\":\"REFERRAL\"}").exchange();
            assertThat(answer).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
            assertThat(answer).bodyJson().extractingPath("$.errors[0].field").isEqualTo("companyName");
            assertThat(answer).bodyJson().extractingPath("$.errors[0].code").isEqualTo("error.input.brokenCharacter");
            assertThat(answer).bodyJson().extractingPath("$.errors[0].message").asString().contains(lang[1])
                    .doesNotContain("NUL");
        }
    }

    @Test
    void aBodyOfJsonNullIsAMissingBody() {
        // every route (HostileInputWalkTest); VersionedRequestAdvice once took null for an update (a 500)
        for (String uri : List.of("/api/v1/receipts/" + UUID.randomUUID() + "/reversal",
                "/api/v1/orders/" + UUID.randomUUID() + "/delivery")) {
            assertThat(post(uri, "null")).as(uri).hasStatus(HttpStatus.BAD_REQUEST);
        }
        assertThat(mvc.put().uri("/api/v1/leads/" + UUID.randomUUID()).header(HttpHeaders.AUTHORIZATION, admin)
                .contentType(MediaType.APPLICATION_JSON).content("null")).hasStatus(HttpStatus.BAD_REQUEST);
    }

    @Test
    void aNullElementInAListIsRefusedNamingItsPath() {
        MvcTestResult answer = mvc.put().uri("/api/v1/policy").header(HttpHeaders.AUTHORIZATION, admin)
                .contentType(MediaType.APPLICATION_JSON).content("{\"version\":1,\"reason\":\"x\",\"changes\":[null]}")
                .exchange();
        assertThat(answer).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(answer).bodyJson().extractingPath("$.errors[0].field").isEqualTo("changes[0]");
        assertThat(answer).bodyJson().extractingPath("$.errors[0].code").isEqualTo("error.nullElement");
    }

    @Test
    void tabsAndLineBreaksAreText() {
        MvcTestResult answer = post("/api/v1/org-units",
                "{\"parentId\":\"" + fixtures.rootUnit() + "\",\"name\":\"Line one\\tand two\"}");
        assertThat(answer).hasStatus(HttpStatus.CREATED);
    }

    /** A search text is refused naming its own limit (200) however long it is, not the general one of any text. */
    @Test
    void aSearchTextFarPastItsLimitIsRefusedNamingItsOwnLimit() throws Exception {
        for (int length : new int[] {InputRules.MAX_SEARCH + 1, InputRules.MAX_TEXT + 1, 2 * InputRules.MAX_TEXT}) {
            MvcTestResult answer = get("/api/v1/leads?q={q}", "查".repeat(length));
            assertThat(answer).as("q of " + length).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
            String body = answer.getResponse().getContentAsString(StandardCharsets.UTF_8);
            assertThat((String) com.jayway.jsonpath.JsonPath.read(body, "$.errors[0].field")).isEqualTo("q");
            assertThat((String) com.jayway.jsonpath.JsonPath.read(body, "$.errors[0].message")).as("q of " + length)
                    .contains("200").doesNotContain("10,000");
        }
    }

    @Test
    void textLongerThanAnyFieldHoldsIsRefused() {
        MvcTestResult answer = post("/api/v1/org-units",
                "{\"parentId\":\"" + fixtures.rootUnit() + "\",\"name\":\"" + "长".repeat(InputRules.MAX_TEXT + 1) + "\"}");
        assertThat(answer).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(answer).bodyJson().extractingPath("$.errors[0].code").isEqualTo("error.input.tooLong");
    }

    @Test
    void aDateFieldTakesADateOnlyNotADateTimeANumberOrItsPartsAndNothingIsStored() {
        int leadsBefore = jdbc.sql("select count(*) from lead_lead").query(Integer.class).single();
        // Jackson read these leniently as a day (2027-01-01T20:00:00Z stored as 2027-01-01, 20000 as days since 1970)
        for (String notADate : new String[] {"\"2027-01-01T20:00:00Z\"", "\"2027-01-01T08:00\"", "20000", "[2027,1,1]"}) {
            MvcTestResult lead = post("/api/v1/leads",
                    "{\"companyName\":\"日期时间公司\",\"source\":\"REFERRAL\",\"purchaseDate\":" + notADate + "}");
            assertThat(lead).as(notADate).hasStatus(HttpStatus.BAD_REQUEST);
            assertThat(lead).bodyJson().extractingPath("$.errors[0].field").isEqualTo("purchaseDate");
            assertThat(lead).bodyJson().extractingPath("$.errors[0].code").isEqualTo("error.unreadableField");
        }
        assertThat(jdbc.sql("select count(*) from lead_lead").query(Integer.class).single()).isEqualTo(leadsBefore);
        // a field judging its own range (OwnDateRange) reads only a date too
        var company = customers.company("dtonly");
        String rep = customers.bearer(mvc, company.eastRep());
        String customer = customers.customer(mvc, rep, "只收日期有限公司", null).get("id").asString();
        MvcTestResult opportunity = customers.post(mvc, rep, "/api/v1/opportunities", "{\"customerId\":\"" + customer
                + "\",\"name\":\"只收日期商机\",\"amount\":1000,\"expectedCloseDate\":\"2027-01-01T20:00:00Z\"}");
        assertThat(opportunity).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(opportunity).bodyJson().extractingPath("$.errors[0].field").isEqualTo("expectedCloseDate");
        // a date as a date is read as before
        assertThat(post("/api/v1/leads", "{\"companyName\":\"只写日期公司\",\"source\":\"REFERRAL\",\"purchaseDate\":\"2027-01-01\"}"))
                .hasStatus(HttpStatus.CREATED).bodyJson().extractingPath("$.purchaseDate").isEqualTo("2027-01-01");
    }

    @Test
    void anAmountBeyondTheMoneyColumnsIsRefusedWith422() {
        String lead = """
                {"companyName":"大额测试","source":"REFERRAL","budget":%s}""";
        assertThat(post("/api/v1/leads", lead.formatted("12345678901234567.00"))).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
                .bodyJson().extractingPath("$.errors[0].code").isEqualTo("error.input.amountTooLarge");
        assertThat(post("/api/v1/leads", lead.formatted("1e30"))).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("budget");
        // an exponent is refused as a screen's form refuses it, however small the number (1e3 is 1000)
        for (String exponent : new String[] {"1e3", "2E+2", "\"1e3\""}) {
            MvcTestResult refused = post("/api/v1/leads", lead.formatted(exponent));
            assertThat(refused).as(exponent).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
            assertThat(refused).bodyJson().extractingPath("$.errors[0].field").isEqualTo("budget");
            assertThat(refused).bodyJson().extractingPath("$.errors[0].code").isEqualTo("error.input.amountExponent");
        }
        assertThat(post("/api/v1/leads", lead.formatted("100.001"))).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
                .bodyJson().extractingPath("$.errors[0].code").isEqualTo("error.input.amountTooPrecise");
        assertThat(post("/api/v1/leads", lead.formatted("500000.50"))).hasStatus(HttpStatus.CREATED);
        assertThat(jdbc.sql("select count(*) from lead_lead where company_name = '大额测试'").query(Integer.class).single())
                .isEqualTo(1);
    }

    @Test
    void aDateOutsideTheYearsARecordCanHaveIsRefusedWith422AndNothingIsStored() {
        String lead = """
                {"companyName":"%s","source":"REFERRAL","purchaseDate":"%s"}""";
        // 0001-12-04 was stored and read back as 0001-12-06 (java.sql.Timestamp's Julian calendar)
        for (String date : new String[] {"0001-12-04", "1582-10-04", "1899-12-31", "2200-01-01", "9999-12-31"}) {
            MvcTestResult answer = post("/api/v1/leads", lead.formatted("古日期测试", date));
            assertThat(answer).as(date).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
            assertThat(answer).bodyJson().extractingPath("$.errors[0].field").isEqualTo("purchaseDate");
            assertThat(answer).bodyJson().extractingPath("$.errors[0].code").isEqualTo("error.input.dateOutOfRange");
        }
        assertThat(jdbc.sql("select count(*) from lead_lead where company_name = '古日期测试'").query(Integer.class).single())
                .isZero();
        assertThat(post("/api/v1/leads", lead.formatted("近日期测试", "2027-02-15"))).hasStatus(HttpStatus.CREATED);
        assertThat(jdbc.sql("select purchase_date::text from lead_lead where company_name = '近日期测试'")
                .query(String.class).single()).isEqualTo("2027-02-15");
    }

    @Test
    void aParameterWrittenAsADateOutsideTheYearsARecordCanHaveIsRefusedWith422NamingIt() {
        assertThat(get("/api/v1/users?from={d}", "0001-12-04"))
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("from");
        assertThat(get("/api/v1/users?from={d}", "2200-01-01"))
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
        for (String date : new String[] {"1900-01-01", "2199-12-31", "2026-12-04"}) {
            assertThat(get("/api/v1/users?from={d}", date)).as(date)
                    .hasStatus(HttpStatus.OK);
        }
    }

    @Test
    void aDateTimeInABodyOutsideTheYearsARecordCanHaveIsRefusedWith422NamingItAndNothingIsStored() {
        var company = customers.company("dtapi");
        String rep = customers.bearer(mvc, company.eastRep());
        String id = customers.customer(mvc, rep, "日期时间接口有限公司", null).get("id").asString();
        String activity = """
                {"customerId":"%s","type":"CALL","occurredAt":"2026-12-01T01:00:00Z","summary":"电话","nextFollowUpAt":%s}""";
        // an instant is read as one whatever its form: with Z, an offset, a sign, or seconds since 1970
        for (String at : new String[] {"\"9999-01-01T00:00:00Z\"", "\"9999-01-01T00:00:00+08:00\"",
                "\"0001-01-01T00:00:00Z\"", "\"-0001-01-01T00:00:00Z\"", "\"+10000-01-01T00:00:00Z\"", "253402300800"}) {
            MvcTestResult answer = customers.post(mvc, rep, "/api/v1/activities", activity.formatted(id, at));
            assertThat(answer).as(at).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
            assertThat(answer).bodyJson().extractingPath("$.errors[0].field").isEqualTo("nextFollowUpAt");
            assertThat(answer).bodyJson().extractingPath("$.errors[0].code").isEqualTo("error.input.dateOutOfRange");
        }
        assertThat(jdbc.sql("select count(*) from customer_activity where customer_id = :id::uuid").param("id", id)
                .query(Integer.class).single()).isZero();
        // the same rule for every kind of date-time a body may hold
        for (String times : new String[] {"{\"offset\":\"9999-01-01T00:00:00+08:00\"}",
                "{\"offset\":\"0001-01-01T00:00:00Z\"}", "{\"zoned\":\"9999-01-01T00:00:00+08:00[Asia/Shanghai]\"}",
                "{\"local\":\"9999-01-01T00:00:00\"}", "{\"local\":\"-0001-01-01T00:00:00\"}"}) {
            MvcTestResult answer = post("/api/v1/test-only/date-times", times);
            assertThat(answer).as(times).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
            assertThat(answer).bodyJson().extractingPath("$.errors[0].code").isEqualTo("error.input.dateOutOfRange");
        }
        assertThat(post("/api/v1/test-only/date-times", "{\"local\":\"0001-01-01T00:00:00\"}"))
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("local");
        assertThat(post("/api/v1/test-only/date-times", """
                {"offset":"2199-12-31T23:59:00Z","zoned":"1900-01-01T00:00:00Z"}"""))
                .hasStatusOk();
    }

    @Test
    void aDateTimeWithoutItsZoneWhereAPointInTimeIsExpectedIsRefusedWith422NamingTheFieldAndMalformedJsonStays400() {
        var company = customers.company("dtzone");
        String rep = customers.bearer(mvc, company.eastRep());
        String id = customers.customer(mvc, rep, "无时区有限公司", null).get("id").asString();
        // readable, but which moment it means depends on a zone the client did not say: refused input, as a date out of range is
        MvcTestResult answer = customers.post(mvc, rep, "/api/v1/activities", """
                {"customerId":"%s","type":"CALL","occurredAt":"2026-12-01T01:00:00Z","summary":"电话","nextFollowUpAt":"2026-12-01T10:00"}"""
                .formatted(id));
        assertThat(answer).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(answer).bodyJson().extractingPath("$.code").isEqualTo("error.validation");
        assertThat(answer).bodyJson().extractingPath("$.errors[0].field").isEqualTo("nextFollowUpAt");
        assertThat(answer).bodyJson().extractingPath("$.errors[0].code").isEqualTo("error.input.dateTimeWithoutZone");
        assertThat(jdbc.sql("select count(*) from customer_activity where customer_id = :id::uuid").param("id", id)
                .query(Integer.class).single()).isZero();
        for (String times : new String[] {"{\"offset\":\"2026-12-01T10:00\"}", "{\"zoned\":\"2026-12-01T10:00:30\"}"}) {
            MvcTestResult refused = post("/api/v1/test-only/date-times", times);
            assertThat(refused).as(times).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
            assertThat(refused).bodyJson().extractingPath("$.errors[0].code").isEqualTo("error.input.dateTimeWithoutZone");
        }
        // what cannot be read at all stays 400: a garbled date-time, and JSON that is no JSON
        assertThat(post("/api/v1/test-only/date-times", "{\"offset\":\"2026-13-45T10:00\"}"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("offset");
        assertThat(post("/api/v1/test-only/date-times", "{\"offset\":2026-12-01T10:00}"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson().extractingPath("$.code").isEqualTo("error.unreadable");
    }

    @Test
    void aParameterWrittenAsADateTimeOutsideTheYearsARecordCanHaveIsRefusedWith422NamingIt() {
        // dueBefore=9999-… and 0001-… were read; -999999999-… reached the database (422 "not storable", no field)
        for (String at : new String[] {"9999-01-01T00:00:00Z", "0001-01-01T00:00:00Z", "2200-01-02T00:00:00+08:00",
                "-999999999-01-01T00:00:00Z", "+999999999-12-31T23:59:59Z"}) {
            MvcTestResult answer = get("/api/v1/deadlines?dueBefore={at}", at);
            assertThat(answer).as(at).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
            assertThat(answer).bodyJson().extractingPath("$.errors[0].field").isEqualTo("dueBefore");
            assertThat(answer).bodyJson().extractingPath("$.errors[0].code").isEqualTo("error.input.dateOutOfRange");
        }
        for (String at : new String[] {"2026-12-08T10:00:00+08:00", "2199-12-31T23:59:59Z", "1900-01-01T00:00:00Z"}) {
            assertThat(get("/api/v1/deadlines?dueBefore={at}", at))
                    .as(at).hasStatusOk();
        }
    }

    @Test
    void aDateTimeOutsideTheYearsOfARecordIsRefusedOnTheFollowUpFormsAndNothingIsStored() throws Exception {
        clock.set(TestClock.START);
        var company = customers.company("dtform");
        String rep = customers.bearer(mvc, company.eastRep());
        String id = customers.customer(mvc, rep, "日期时间表单有限公司", null).get("id").asString();
        Cookie session = customers.session(mvc, company.eastRep());
        String page = mvc.get().uri("/customers/" + id).cookie(session).exchange().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        // when a follow-up happened: from 2000-01-01 (a UTC day, as the server reads it: 08:00 in Shanghai) to the
        // test clock's now (10:00 in Shanghai) and the few minutes' tolerance the server allows
        assertThat(page).as("the browser is told the times the server takes").containsPattern(
                "<input(?=[^>]*id=\"activity-occurred\")(?=[^>]*min=\"2000-01-01T08:00\")(?=[^>]*max=\"2026-12-01T10:05\")[^>]*>");
        // when the next follow-up may be planned for: from now to the end of the tenth year ahead (its UTC day,
        // 07:59 the next morning in Shanghai)
        for (String field : new String[] {"activity-next", "plan-at"}) {
            assertThat(page).as("the browser is told the bounds the server keeps: " + field).containsPattern("<input(?=[^>]*id=\""
                    + field + "\")(?=[^>]*min=\"2026-12-01T10:00\")(?=[^>]*max=\"2036-12-02T07:59\")[^>]*>");
        }
        // a next follow-up in 9999 was logged (and a time of year 0001 stored two days off)
        for (String[] times : new String[][] {{"2026-12-01T09:00", "9999-01-01T00:00"}, {"0001-01-01T00:00", null},
                {"2026-12-01T09:00", "+10000-01-01T00:00"}}) {
            var request = mvc.post().uri("/customers/" + id + "/activities").cookie(session).with(csrf())
                    .param("type", "CALL").param("occurredAt", times[0]).param("summary", "电话回访");
            MvcTestResult answer = (times[1] == null ? request : request.param("nextFollowUpAt", times[1])).exchange();
            assertThat(answer).as(String.join(" ", java.util.Arrays.asList(times))).hasStatus3xxRedirection().flash()
                    .containsEntry("flashError", "error.input.dateOutOfRange");
            @SuppressWarnings("unchecked")
            java.util.Map<String, String> typed = (java.util.Map<String, String>) answer.getMvcResult().getFlashMap()
                    .get("activityTyped");
            assertThat(typed).as("everything written given back").containsEntry("summary", "电话回访")
                    .containsEntry("occurredAt", times[0]);
        }
        assertThat(jdbc.sql("select count(*) from customer_activity where customer_id = :id::uuid").param("id", id)
                .query(Integer.class).single()).isZero();
        // a follow-up planned for 9999 was planned
        String version = customers.getJson(mvc, rep, "/api/v1/customers/" + id).get("version").asString();
        assertThat(mvc.post().uri("/customers/" + id + "/follow-up-plan").cookie(session).with(csrf())
                .param("at", "9999-01-01T00:00").param("version", version).exchange()).hasStatus3xxRedirection().flash()
                .containsEntry("flashError", "error.input.dateOutOfRange");
        // a follow-up planned for 2199 (a typo: a plan reaches ten years ahead, as a follow-up's next one)
        assertThat(mvc.post().uri("/customers/" + id + "/follow-up-plan").cookie(session).with(csrf())
                .param("at", "2199-01-01T00:00").param("version", version).exchange()).hasStatus3xxRedirection().flash()
                .containsEntry("flashError", "error.input.dateTooFarAhead");
        assertThat(customers.post(mvc, rep, "/api/v1/customers/" + id + "/follow-up-plan",
                "{\"nextFollowUpAt\":\"2199-01-01T00:00:00Z\",\"version\":" + version + "}"))
                .hasStatus(422).bodyJson().extractingPath("$.errors[0].code").isEqualTo("error.input.dateTooFarAhead");
        assertThat(jdbc.sql("select count(*) from customer_customer where id = :id::uuid and planned_follow_up_at is not null")
                .param("id", id).query(Integer.class).single()).isZero();

        // a form that shows the refusal beside its field (the needs analysis, whose interview has its own range — from
        // the customer's registration day to now — named by its refusal, not the years any date may have): the
        // message, the text kept
        String needs = "/customers/" + id + "/needs-analyses";
        MvcTestResult report = mvc.post().uri(needs).cookie(session).with(csrf()).header(HttpHeaders.ACCEPT_LANGUAGE, "en")
                .param("interviewedAt", "9999-01-01T10:00").param("background", "制造业").exchange();
        assertThat(report).hasStatusOk();
        String html = report.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("The interview must lie between the day the customer was registered (", "is-invalid")
                .doesNotContain("id=\"error-detail\"", "The date must lie between 1900-01-01 and 2199-12-31.");
        assertThat(com.lead2cash.testing.FormHtml.inputValue(html, "interviewedAt")).isEqualTo("9999-01-01T10:00");
        assertThat(com.lead2cash.testing.FormHtml.textareaText(html, "background")).isEqualTo("制造业");
        assertThat(jdbc.sql("select count(*) from customer_needs_analysis").query(Integer.class).single()).isZero();
    }

    @Test
    void aParameterReadAsAMonthOutsideTheYearsARecordCanHaveIsRefusedWith422NamingIt() {
        // the forecast from=-999999999-01 reached the database: 'date out of range', 422 unchecked and a stack
        for (String month : new String[] {"-999999999-01", "0001-01", "2200-01"}) {
            MvcTestResult answer = get("/api/v1/test-only/month?from={m}", month);
            assertThat(answer).as(month).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
            assertThat(answer).bodyJson().extractingPath("$.errors[0].field").isEqualTo("from");
        }
        assertThat(get("/api/v1/test-only/month?from={m}", "2026-12")).hasStatus(HttpStatus.OK)
                .bodyJson().extractingPath("$.from").isEqualTo("2026-12");
    }

    @Test
    void aParameterReadAsAnAmountBeyondTheMoneyColumnsIsRefusedWith422NamingIt() {
        // an amendment's amountChange=99999999999999999999 reached the database: 'numeric field overflow'
        for (String amount : new String[] {"99999999999999999999", "-99999999999999999999", "1.005"}) {
            MvcTestResult answer = mvc.post().uri("/api/v1/test-only/amount").header(HttpHeaders.AUTHORIZATION, admin)
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED).param("amountChange", amount).exchange();
            assertThat(answer).as(amount).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
            assertThat(answer).bodyJson().extractingPath("$.errors[0].field").isEqualTo("amountChange");
        }
        assertThat(mvc.post().uri("/api/v1/test-only/amount").header(HttpHeaders.AUTHORIZATION, admin)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).param("amountChange", "-1200.50").exchange())
                .hasStatus(HttpStatus.OK).bodyJson().extractingPath("$.amountChange").isEqualTo("-1200.50");
    }

    @Test
    void aQueryParameterWithANulIsRefusedWith422NamingIt() {
        assertThat(get("/api/v1/users?q={q}", "a\u0000b"))
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("q");
    }

    @Test
    void aForgedOrGarbledCursorIsA400() throws Exception {
        String forged = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("2026-01-01T00:00:00Z\u001fnot-an-id".getBytes(StandardCharsets.UTF_8));
        java.util.Map<String, String> answers = new java.util.TreeMap<>();
        for (String uri : new String[] {"/api/v1/leads", "/api/v1/users", "/api/v1/notifications", "/api/v1/audit",
                "/api/v1/deadlines", "/api/v1/approvals", "/api/v1/approvals/delegations", "/api/v1/lead-api-keys",
                "/api/v1/org-units", "/api/v1/policy/versions"}) {
            for (String cursor : new String[] {forged, "%%%garbled", "eA"}) {
                MvcTestResult answer = get(uri + "?cursor={c}", cursor);
                answers.put(uri + " " + cursor, answer.getResponse().getStatus() + " "
                        + answer.getResponse().getContentAsString(StandardCharsets.UTF_8).contains("\"field\":\"cursor\""));
            }
        }
        assertThat(answers).allSatisfy((request, answer) -> assertThat(answer).as(request).isEqualTo("400 true"));
    }

    /**
     * A parameter the operation takes as one value, given twice, is a 400 on that parameter: the leads were answered
     * for the first grade, status or size and the other silently dropped. A parameter taken as a list (declared an
     * array) stays repeatable.
     */
    @Test
    void aSingleValuedParameterGivenTwiceIsA400NamingIt() throws Exception {
        java.util.Map<String, String> answers = new java.util.TreeMap<>();
        for (String query : new String[] {"grade=A&grade=C", "status=NEW&status=SCREENED", "size=5&size=6",
                "cursor=a&cursor=b", "q=x&q=y", "view=pool&view=mine"}) {
            MvcTestResult answer = get("/api/v1/leads?" + query);
            String body = answer.getResponse().getContentAsString(StandardCharsets.UTF_8);
            answers.put(query, answer.getResponse().getStatus() + " " + body.contains("\"code\":\"error.parameter.repeated\"")
                    + " " + body.contains("\"field\":\"" + query.substring(0, query.indexOf('=')) + "\""));
        }
        assertThat(answers).allSatisfy((query, answer) -> assertThat(answer).as(query).isEqualTo("400 true true"));
        assertThat(get("/api/v1/leads?grade=A&size=5")).hasStatusOk();
        MvcTestResult list = get("/api/v1/receivables/contract-figures?contractId={a}&contractId={b}",
                UUID.randomUUID(), UUID.randomUUID());
        assertThat(list.getResponse().getStatus()).as("a list parameter is repeatable").isNotEqualTo(400);
    }

    /**
     * A cursor names the list that made it (decision 0063): the next page's cursor of the leads is a 400 on {@code cursor}
     * at every other list, though its key (a time and an id) has the shape theirs has, and it still pages the leads.
     * A cursor of the format before the list's tag (only a time and an id) is refused too.
     */
    @Test
    void aCursorOfAnotherListIsA400() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(post("/api/v1/leads", "{\"companyName\":\"游标标签公司" + i + "\",\"source\":\"TRADE_SHOW\"}"))
                    .hasStatus(HttpStatus.CREATED);
        }
        String leads = get("/api/v1/leads?size=2").getResponse().getContentAsString(StandardCharsets.UTF_8);
        String cursor = com.jayway.jsonpath.JsonPath.read(leads, "$.nextCursor");
        assertThat(cursor).isNotBlank();
        assertThat(get("/api/v1/leads?size=2&cursor={c}", cursor)).hasStatusOk();
        java.util.Map<String, String> answers = new java.util.TreeMap<>();
        for (String uri : new String[] {"/api/v1/customers", "/api/v1/users", "/api/v1/deadlines", "/api/v1/notifications",
                "/api/v1/lead-api-keys", "/api/v1/approvals/delegations", "/api/v1/orders", "/api/v1/contracts"}) {
            MvcTestResult answer = get(uri + "?cursor={c}", cursor);
            answers.put(uri, answer.getResponse().getStatus() + " "
                    + answer.getResponse().getContentAsString(StandardCharsets.UTF_8).contains("\"field\":\"cursor\""));
        }
        assertThat(answers).allSatisfy((request, answer) -> assertThat(answer).as(request).isEqualTo("400 true"));
        String untagged = Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("2026-11-30T00:00:00Z\u001f" + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
        assertThat(get("/api/v1/leads?cursor={c}", untagged))
                .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field").isEqualTo("cursor");
    }

    /**
     * A cursor's time lies within what the database stores (4713 BC to 294276 AD): beyond it, no list made it and
     * the database could not bind it (it was a 422 "not storable" and a logged stack). Within it, however odd, the
     * list answers (an activity typed as of year 0202 is stored, and a page may end on it).
     */
    @Test
    void aCursorAtATimeTheDatabaseCannotStoreIsA400() throws Exception {
        UUID id = UUID.randomUUID();
        for (String at : new String[] {"+999999999-12-31T23:59:59Z", "+294277-06-01T00:00:00Z", "-999999999-01-01T00:00:00Z"}) {
            for (String uri : new String[] {"/api/v1/leads", "/api/v1/notifications"}) {
                String list = uri.equals("/api/v1/leads") ? "lead" : "notification";
                assertThat(get(uri + "?cursor={c}", cursor(list, at, id)))
                        .as(uri + " " + at).hasStatus(HttpStatus.BAD_REQUEST)
                        .bodyJson().extractingPath("$.errors[0].code").isEqualTo("error.cursor.invalid");
            }
        }
        for (String at : new String[] {"0202-05-01T00:00:00Z", "2200-01-01T00:00:00Z", "+294276-06-01T00:00:00Z"}) {
            assertThat(get("/api/v1/leads?cursor={c}", cursor("lead", at, id)))
                    .as(at).hasStatusOk();
        }
    }

    private static String cursor(String list, String at, UUID id) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((list + "\u001f" + at + "\u001f" + id).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anAbsurdOrNegativePageSizeIsA400AndALargeOneIsCapped() {
        for (String size : new String[] {"99999999999", "-1", "0", "ten"}) {
            assertThat(get("/api/v1/leads?size=" + size))
                    .as(size).hasStatus(HttpStatus.BAD_REQUEST)
                    .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }
        // too small is told the range a page size has, not only its most
        for (String size : new String[] {"0", "-1"}) {
            MvcTestResult refused = mvc.get().uri("/api/v1/leads?size=" + size).header(HttpHeaders.AUTHORIZATION, admin)
                    .header(HttpHeaders.ACCEPT_LANGUAGE, "en").exchange();
            assertThat(refused).bodyJson().extractingPath("$.errors[0].message").asString()
                    .contains("from 1 to " + CursorPage.MAX_SIZE);
        }
        assertThat(get("/api/v1/users?size=5000")).hasStatusOk();
    }

    @Test
    void whatTheDatabaseRefusesUncheckedIsA422NotA500() {
        assertThat(post("/api/v1/test-only/unchecked", "{}")).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
                .bodyJson().extractingPath("$.code").isEqualTo("error.input.notStorable");
    }

    // --- forms: the same rules, answered with a readable error page

    private Cookie adminSession() {
        return fixtures.session(mvc, "admin", Fixtures.ADMIN_PASSWORD);
    }

    @Test
    void aNulInAFormFieldIsA422PageAndNothingIsStored() throws Exception {
        Cookie session = adminSession();
        // a form whose handler does not show the input rules' refusals itself (the field rules' grid): the error page
        long rulesVersion = jdbc.sql("select version from platform_field_rule_set")
                .query(Long.class).single();
        MvcTestResult answer = mvc.post().uri("/admin/field-rules").cookie(session).with(csrf())
                .header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN").param("version", String.valueOf(rulesVersion))
                .param("note", "Nul\u0000Rule").exchange();
        assertThat(answer).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(answer.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("id=\"error-detail\"", "控制字符");
        assertThat(jdbc.sql("select version from platform_field_rule_set").query(Long.class)
                .single()).isEqualTo(rulesVersion);

        // the organisation's form flashes it on its page, nothing created
        int before = orgUnits();
        MvcTestResult org = mvc.post().uri("/admin/org").cookie(session).with(csrf())
                .header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN").param("parentId", fixtures.rootUnit().toString())
                .param("name", "Nul\u0000Unit").exchange();
        assertThat(org).hasStatus3xxRedirection().flash().containsEntry("flashError", "error.input.controlCharacter");
        assertThat(mvc.get().uri("/admin/org").cookie(session).header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN")
                .flashAttrs(org.getMvcResult().getFlashMap()).exchange().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains("控制字符").doesNotContain("id=\"error-detail\"");
        assertThat(orgUnits()).isEqualTo(before);
        // a token's name on the account page alike
        int tokens = jdbc.sql("select count(*) from platform_api_token").query(Integer.class).single();
        assertThat(mvc.post().uri("/account/tokens").cookie(session).with(csrf()).param("name", "脚本\u202e令牌").exchange())
                .hasStatus3xxRedirection().flash().containsEntry("flashError", "error.input.controlCharacter");
        assertThat(jdbc.sql("select count(*) from platform_api_token").query(Integer.class).single()).isEqualTo(tokens);
        // the calendar's exception: beside its field on the calendar page, with what was typed
        int exceptions = jdbc.sql("select count(*) from sop_calendar_exception").query(Integer.class).single();
        MvcTestResult holiday = mvc.post().uri("/admin/calendar/exceptions").cookie(session).with(csrf())
                .header(HttpHeaders.ACCEPT_LANGUAGE, "en").param("day", "9999-01-04").param("kind", "WORKDAY")
                .param("note", "调休").param("version", String.valueOf(jdbc.sql(
                        "select revision from sop_calendar_settings where id = 1").query(Long.class).single()))
                .exchange();
        assertThat(holiday).hasStatusOk();
        String calendar = holiday.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(calendar).contains("The date must lie between 1900-01-01 and 2199-12-31.")
                .doesNotContain("id=\"error-detail\"");
        assertThat(com.lead2cash.testing.FormHtml.inputValue(calendar, "exception-day")).isEqualTo("9999-01-04");
        assertThat(com.lead2cash.testing.FormHtml.inputValue(calendar, "exception-note")).isEqualTo("调休");
        assertThat(jdbc.sql("select count(*) from sop_calendar_exception").query(Integer.class).single())
                .isEqualTo(exceptions);

        // a form that shows the input rules' refusals itself (the lead form) gives them beside the field
        int leads = leads();
        MvcTestResult lead = mvc.post().uri("/leads/new").cookie(session).with(csrf())
                .header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN")
                .param("companyName", "零\u0000字符").param("source", "REFERRAL").exchange();
        assertThat(lead).hasStatusOk();
        assertThat(lead.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("控制字符", "is-invalid")
                .doesNotContain("id=\"error-detail\"");
        assertThat(leads()).isEqualTo(leads);
    }

    private int leads() {
        return jdbc.sql("select count(*) from lead_lead").query(Integer.class).single();
    }

    @Test
    void aDateOutsideTheYearsOfARecordIsRefusedBesideItsFieldOnTheLeadFormWithEverythingTyped() throws Exception {
        Cookie session = adminSession();
        assertThat(mvc.get().uri("/leads/new").cookie(session).exchange().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).as("the browser is told the bounds the server keeps")
                .containsPattern("<input(?=[^>]*id=\"purchaseDate\")(?=[^>]*min=\"1900-01-01\")(?=[^>]*max=\"2199-12-31\")[^>]*>");
        int before = leads();
        MvcTestResult answer = mvc.post().uri("/leads/new").cookie(session).with(csrf())
                .header(HttpHeaders.ACCEPT_LANGUAGE, "en")
                .param("companyName", "远期采购测试有限公司").param("contactName", "王磊").param("source", "REFERRAL")
                .param("purchaseDate", "9999-12-31").exchange();
        assertThat(answer).as("the form again, as for a blank company name").hasStatusOk();
        String html = answer.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("The date must lie between 1900-01-01 and 2199-12-31.")
                .doesNotContain("id=\"error-detail\"");
        assertThat(com.lead2cash.testing.FormHtml.inputValue(html, "companyName")).isEqualTo("远期采购测试有限公司");
        assertThat(com.lead2cash.testing.FormHtml.inputValue(html, "contactName")).isEqualTo("王磊");
        assertThat(com.lead2cash.testing.FormHtml.inputValue(html, "purchaseDate")).isEqualTo("9999-12-31");
        assertThat(leads()).isEqualTo(before);
    }

    @Test
    void theLeadFormShowsEveryFieldsProblemAtOnceBesideItsField() throws Exception {
        Cookie session = adminSession();
        int before = leads();
        MvcTestResult answer = mvc.post().uri("/leads/new").cookie(session).with(csrf())
                .header(HttpHeaders.ACCEPT_LANGUAGE, "en")
                .param("companyName", "").param("source", "REFERRAL").param("email", "not-an-address")
                .param("budget", "-5").param("purchaseDate", "9999-12-31").exchange();
        assertThat(answer).hasStatusOk();
        String html = answer.getResponse().getContentAsString(StandardCharsets.UTF_8);
        // the input rules' date refusal and the lead's own rules on the other fields, in one answer
        assertThat(html).contains("The date must lie between 1900-01-01 and 2199-12-31.",
                        "Enter a budget of 0 or more, with at most two decimals.")
                .as("the date is told once, by the input rules").doesNotContain("too far in the past or future")
                .doesNotContain("id=\"error-detail\"");
        assertThat(html).containsPattern("<input(?=[^>]*id=\"budget\")(?=[^>]*is-invalid)[^>]*>")
                .containsPattern("<input(?=[^>]*id=\"email\")(?=[^>]*is-invalid)[^>]*>")
                .containsPattern("<input(?=[^>]*id=\"companyName\")(?=[^>]*is-invalid)[^>]*>")
                .containsPattern("<input(?=[^>]*id=\"purchaseDate\")(?=[^>]*is-invalid)[^>]*>");
        // a value that cannot be read at all comes with the others too
        String unreadable = mvc.post().uri("/leads/new").cookie(session).with(csrf())
                .header(HttpHeaders.ACCEPT_LANGUAGE, "en")
                .param("companyName", "读不懂测试").param("source", "REFERRAL").param("budget", "abc")
                .param("email", "not-an-address").exchange().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(unreadable).containsPattern("<input(?=[^>]*id=\"budget\")(?=[^>]*is-invalid)[^>]*>")
                .containsPattern("<input(?=[^>]*id=\"email\")(?=[^>]*is-invalid)[^>]*>");
        assertThat(leads()).isEqualTo(before);
    }

    @Test
    void aRefusedOrganisationFormGivesBackWhatWasTyped() throws Exception {
        Cookie session = adminSession();
        UUID east = fixtures.unit("华东大区");
        UUID north = fixtures.unit("华北大区");
        UUID manager = fixtures.user("north.manager", north, java.time.LocalDate.of(2020, 3, 1), Role.SALES_MANAGER).id();
        String tooLong = "华东".repeat(51);
        // a new unit refused (its name too long): the parent chosen and the name written come back
        MvcTestResult created = mvc.post().uri("/admin/org").cookie(session).with(csrf())
                .param("parentId", east.toString()).param("name", tooLong).exchange();
        assertThat(created).hasStatus3xxRedirection().flash().containsEntry("flashError", "org.name.invalid");
        String page = orgPage(session, created, null);
        assertThat(com.lead2cash.testing.FormHtml.selected(page, "org-parent")).isEqualTo(east.toString());
        assertThat(com.lead2cash.testing.FormHtml.inputValue(page, "org-new-name")).isEqualTo(tooLong);
        // a unit's change refused (another changed it first): its own row comes back as written on its own page (the
        // start its form sent), the others as they are
        long version = jdbc.sql("select version from platform_org_unit where id = :id").param("id", north)
                .query(Long.class).single();
        String northPage = pageStartOf(session, north);
        var update = mvc.post().uri("/admin/org/" + north).cookie(session).with(csrf())
                .param("name", "华北区域").param("managerId", manager.toString()).param("version", String.valueOf(version - 1));
        if (northPage != null) {
            update = update.param("cursor", northPage);
        }
        MvcTestResult updated = update.exchange();
        assertThat(updated).hasStatus3xxRedirection().flash().containsEntry("flashError", "error.staleVersion");
        assertThat(updated).hasRedirectedUrl(northPage == null ? "/admin/org" : "/admin/org?cursor=" + northPage);
        page = orgPage(session, updated, northPage);
        assertThat(com.lead2cash.testing.FormHtml.inputValue(page, "org-name-" + north)).isEqualTo("华北区域");
        assertThat(com.lead2cash.testing.FormHtml.selected(page, "org-manager-" + north)).isEqualTo(manager.toString());
        assertThat(com.lead2cash.testing.FormHtml.inputValue(orgPage(session, updated, pageStartOf(session, east)),
                "org-name-" + east)).isEqualTo("华东大区");
        assertThat(com.lead2cash.testing.FormHtml.inputValue(orgPage(session, null, northPage), "org-name-" + north))
                .as("given back once").isEqualTo("华北大区");
    }

    /** SPEC §6, decision 0063: the organisation screen reads the tree a page at a time, as GET /api/v1/org-units does. */
    @Test
    void theOrganisationScreenShowsTheTreeAPageAtATimeAndTheNextPageGoesOnAfterIt() throws Exception {
        Cookie session = adminSession();
        for (int i = 0; i <= com.lead2cash.platform.CursorPage.DEFAULT_SIZE; i++) {
            fixtures.unit("分页屏幕小组 " + i);
        }
        String first = orgPage(session, null, null);
        List<String> firstUnits = unitsShown(first);
        assertThat(firstUnits).as("a page").hasSize(com.lead2cash.platform.CursorPage.DEFAULT_SIZE)
                .doesNotHaveDuplicates();
        String next = nextPageCursor(first);
        assertThat(next).as("a next page").isNotNull();
        MvcTestResult rows = mvc.get().uri("/admin/org?cursor={c}", next).cookie(session).header("HX-Request", "true")
                .exchange();
        assertThat(rows).hasStatusOk();
        String second = rows.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(second).as("the rows alone").doesNotContain("<html", "id=\"org-add\"");
        assertThat(unitsShown(second)).as("the second page goes on after the first").isNotEmpty()
                .doesNotContainAnyElementsOf(firstUnits);
        assertThat(second).as("its forms send their page's start back").contains("name=\"cursor\" value=\"" + next + "\"");
        assertThat(first).doesNotContain("name=\"cursor\"");
        assertThat(mvc.get().uri("/admin/org?cursor={c}", "not-a-cursor").cookie(session)).hasStatus(HttpStatus.BAD_REQUEST);
    }

    /** The units whose forms the organisation screen's page shows, in order. */
    private static List<String> unitsShown(String html) {
        return java.util.regex.Pattern.compile("id=\"org-name-([0-9a-f-]{36})\"").matcher(html).results()
                .map(m -> m.group(1)).toList();
    }

    /** The cursor the page's "more" row asks the next page with; null on the last page. */
    private static String nextPageCursor(String html) {
        var more = java.util.regex.Pattern.compile("hx-get=\"/admin/org\\?cursor=([^\"&]+)\"").matcher(html);
        return more.find() ? more.group(1) : null;
    }

    /** The start of the organisation screen's page that shows the unit (null: the first), walked as its "more" walks. */
    private String pageStartOf(Cookie session, UUID unit) throws Exception {
        String cursor = null;
        while (true) {
            String html = orgPage(session, null, cursor);
            if (unitsShown(html).contains(unit.toString())) {
                return cursor;
            }
            cursor = nextPageCursor(html);
            assertThat(cursor).as("unit " + unit + " on a page").isNotNull();
        }
    }

    private String orgPage(Cookie session, MvcTestResult refused, String cursor) throws Exception {
        var get = cursor == null ? mvc.get().uri("/admin/org").cookie(session)
                : mvc.get().uri("/admin/org?cursor={c}", cursor).cookie(session);
        if (refused != null) {
            get = get.flashAttrs(refused.getMvcResult().getFlashMap());
        }
        return get.exchange().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void aRefusedTokenFormGivesBackTheNameTyped() throws Exception {
        Cookie session = adminSession();
        String tooLong = "夜间同步脚本".repeat(17);
        MvcTestResult refused = mvc.post().uri("/account/tokens").cookie(session).with(csrf()).param("name", tooLong)
                .exchange();
        assertThat(refused).hasStatus3xxRedirection().flash().containsEntry("flashError", "token.name.tooLong");
        String page = mvc.get().uri("/account").cookie(session).flashAttrs(refused.getMvcResult().getFlashMap()).exchange()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(com.lead2cash.testing.FormHtml.inputValue(page, "tokenName")).isEqualTo(tooLong);
    }

    @Test
    void anUnknownChoiceInAFormIsA400Page() throws Exception {
        Cookie session = adminSession();
        MvcTestResult source = mvc.post().uri("/leads/new").cookie(session).with(csrf())
                .header(HttpHeaders.ACCEPT_LANGUAGE, "en")
                .param("companyName", "选择测试").param("source", "NOT_A_SOURCE").exchange();
        assertThat(source).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(source.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("A value chosen is not one of the choices offered.");

        assertThat(mvc.post().uri("/leads/new").cookie(session).with(csrf()).param("companyName", "选择测试")
                .param("source", "REFERRAL").param("duplicateAction", "DROP_TABLES")).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(mvc.post().uri("/admin/users/new").cookie(session).with(csrf()).param("username", "choice.user")
                .param("displayName", "Choice").param("password", "Choice-Pass-1")
                .param("orgUnitId", fixtures.rootUnit().toString()).param("roles", "EMPEROR"))
                .hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(jdbc.sql("select count(*) from platform_user where username = 'choice.user'").query(Integer.class)
                .single()).isZero();
    }

    @Test
    void aWrongTypeInAQueryOfAPageIsA400Page() {
        assertThat(mvc.get().uri("/leads?grade=Z&size=lots").cookie(adminSession())).hasStatus(HttpStatus.BAD_REQUEST);
    }
}
