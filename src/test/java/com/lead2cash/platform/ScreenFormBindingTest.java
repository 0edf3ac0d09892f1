package com.lead2cash.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import com.lead2cash.platform.internal.identity.User;
import com.lead2cash.testing.Fixtures;
import com.lead2cash.testing.FormHtml;
import com.lead2cash.testing.IntegrationTest;
import jakarta.servlet.http.Cookie;
import java.beans.PropertyDescriptor;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.BeanUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * A value a screen's form cannot read (a word where a number belongs, a thirteenth month, an amount too large for
 * the money columns) comes back beside its field in the reader's language, with what was typed, and changes
 * nothing — never taken as an empty value and saved, never shown as the conversion's own text ("Failed to
 * convert …") or a message key.
 */
@IntegrationTest
class ScreenFormBindingTest {

    private static final String UNREADABLE_EN = "This value is not in a form that can be read.";
    private static final String UNREADABLE_ZH = "无法识别该值的格式。";
    private static final String CONVERSION_TEXT = "Failed to convert";

    @Autowired MockMvcTester mvc;
    @Autowired Fixtures fixtures;
    @Autowired JdbcClient jdbc;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

    private Cookie adminSession() {
        return fixtures.session(mvc, "admin", Fixtures.ADMIN_PASSWORD);
    }

    private static String body(MvcTestResult answer) throws Exception {
        return answer.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private static String invalid(String id) {
        return "<input(?=[^>]*id=\"" + id + "\")(?=[^>]*is-invalid)[^>]*>";
    }

    private UUID lead(Cookie session, String company) {
        String phone = "139" + ThreadLocalRandom.current().nextInt(10_000_000, 100_000_000);
        MvcTestResult created = mvc.post().uri("/leads/new").cookie(session).with(csrf())
                .param("companyName", company).param("contactName", "周经理").param("phone", phone)
                .param("source", "REFERRAL").param("budget", "5000").param("purchaseDate", "2027-03-01").exchange();
        assertThat(created).hasStatus3xxRedirection();
        return UUID.fromString(created.getResponse().getRedirectedUrl().substring("/leads/".length()));
    }

    private Map<String, Object> leadRow(UUID id) {
        return jdbc.sql("select version, budget, purchase_date from lead_lead where id = :id").param("id", id)
                .query().singleRow();
    }

    @Test
    void aLeadsCorrectionWithABudgetOrDateItCannotReadChangesNothingAndSaysSoBesideTheField() throws Exception {
        Cookie session = adminSession();
        String company = "读不懂预算" + UUID.randomUUID().toString().substring(0, 6) + "有限公司";
        UUID id = lead(session, company);
        Map<String, Object> before = leadRow(id);
        assertThat(before.get("budget")).isNotNull();
        assertThat(before.get("purchase_date")).isNotNull();
        long version = ((Number) before.get("version")).longValue();
        record Case(String field, String value, String language, String message) {
        }
        for (Case c : List.of(
                new Case("budget", "99999999999999999999", "zh-CN", "数值整数部分超过 16 位。"),
                new Case("budget", "abc", "zh-CN", UNREADABLE_ZH),
                new Case("budget", "0.001", "en", "The number has more than 2 decimal places."),
                new Case("purchaseDate", "2026-13-45", "en", UNREADABLE_EN))) {
            Map<String, String> fields = new java.util.LinkedHashMap<>(Map.of("companyName", company,
                    "contactName", "周经理", "source", "REFERRAL", "budget", "5000", "purchaseDate", "2027-03-01",
                    "version", "" + version));
            fields.put(c.field(), c.value());
            var post = mvc.post().uri("/leads/" + id + "/edit").cookie(session).with(csrf())
                    .header(HttpHeaders.ACCEPT_LANGUAGE, c.language());
            for (var field : fields.entrySet()) {
                post = post.param(field.getKey(), field.getValue());
            }
            MvcTestResult answer = post.exchange();
            assertThat(answer).as(c.toString()).hasStatusOk();
            String html = body(answer);
            assertThat(html).as(c.toString()).contains(c.message()).containsPattern(invalid(c.field()))
                    .doesNotContain(CONVERSION_TEXT, "error.input.");
            if (c.field().equals("purchaseDate")) {
                // (a number input shows the number the form holds — none: Thymeleaf gives type="number" no text)
                assertThat(FormHtml.inputValue(html, c.field())).as("what was typed").isEqualTo(c.value());
            }
            assertThat(leadRow(id)).as(c + ": nothing saved").isEqualTo(before);
        }
    }

    @Test
    void aUsersEditWithAHireDateOrUnitItCannotReadKeepsTheUserAsItWas() throws Exception {
        Cookie session = adminSession();
        String username = "binding.hire." + UUID.randomUUID().toString().substring(0, 6);
        User user = fixtures.user(username, fixtures.rootUnit(), LocalDate.of(2021, 5, 1), Role.SALES_REP);
        String row = "select version, hire_date, org_unit_id, display_name from platform_user where id = :id";
        Map<String, Object> before = jdbc.sql(row).param("id", user.id()).query().singleRow();
        for (String language : List.of("en", "zh-CN")) {
            MvcTestResult answer = mvc.post().uri("/admin/users/" + user.id()).cookie(session).with(csrf())
                    .header(HttpHeaders.ACCEPT_LANGUAGE, language)
                    .param("displayName", "改过的名字").param("orgUnitId", fixtures.rootUnit().toString())
                    .param("roles", "SALES_REP").param("hireDate", "2026-13-45")
                    .param("version", before.get("version").toString()).exchange();
            assertThat(answer).hasStatusOk();
            String html = body(answer);
            assertThat(html).contains(language.equals("en") ? UNREADABLE_EN : UNREADABLE_ZH)
                    .containsPattern(invalid("hireDate")).doesNotContain(CONVERSION_TEXT);
            assertThat(FormHtml.inputValue(html, "hireDate")).isEqualTo("2026-13-45");
            assertThat(jdbc.sql(row).param("id", user.id()).query().singleRow()).as("nothing saved").isEqualTo(before);
        }
        MvcTestResult unit = mvc.post().uri("/admin/users/" + user.id()).cookie(session).with(csrf())
                .header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN")
                .param("displayName", "改过的名字").param("orgUnitId", "abc").param("roles", "SALES_REP")
                .param("hireDate", "2021-05-01").param("version", before.get("version").toString()).exchange();
        assertThat(unit).hasStatusOk();
        assertThat(body(unit)).contains(UNREADABLE_ZH).doesNotContain(CONVERSION_TEXT);
        assertThat(jdbc.sql(row).param("id", user.id()).query().singleRow()).isEqualTo(before);
    }

    @Test
    void aNewUserOrDelegationWithAValueItCannotReadIsShownBackInTheReadersLanguage() throws Exception {
        Cookie session = adminSession();
        String username = "binding.new." + UUID.randomUUID().toString().substring(0, 6);
        MvcTestResult user = mvc.post().uri("/admin/users/new").cookie(session).with(csrf())
                .header(HttpHeaders.ACCEPT_LANGUAGE, "en")
                .param("username", username).param("displayName", "Binding").param("password", "Binding-Pass-1")
                .param("orgUnitId", fixtures.rootUnit().toString()).param("roles", "SALES_REP")
                .param("hireDate", "2026-13-45").exchange();
        assertThat(user).hasStatusOk();
        assertThat(body(user)).contains(UNREADABLE_EN).containsPattern(invalid("hireDate")).doesNotContain(CONVERSION_TEXT);
        assertThat(jdbc.sql("select count(*) from platform_user where username = :u").param("u", username)
                .query(Integer.class).single()).isZero();

        int delegations = jdbc.sql("select count(*) from approval_delegation").query(Integer.class).single();
        MvcTestResult delegation = mvc.post().uri("/approvals/delegations").cookie(session).with(csrf())
                .header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN")
                .param("delegateId", "abc").param("startsOn", "2026-13-45").param("endsOn", "2026-12-31").exchange();
        assertThat(delegation).hasStatusOk();
        assertThat(body(delegation)).contains(UNREADABLE_ZH).containsPattern(invalid("startsOn"))
                .doesNotContain(CONVERSION_TEXT, "Invalid UUID");
        assertThat(jdbc.sql("select count(*) from approval_delegation").query(Integer.class).single())
                .isEqualTo(delegations);
    }

    /** A choice that is none of those offered names no field in the reader's page: its raw name is not theirs. */
    @Test
    void anUnknownChoiceIsRefusedWithoutTheFieldsRawName() throws Exception {
        MvcTestResult answer = mvc.post().uri("/leads/new").cookie(adminSession()).with(csrf())
                .header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN")
                .param("companyName", "选择测试").param("source", "XYZ").exchange();
        assertThat(answer.getResponse().getStatus()).isEqualTo(400);
        assertThat(body(answer)).contains("所选的值不在可选范围内。").doesNotContain("source 所选");
    }

    /**
     * Every screen form (a {@code @ModelAttribute} of a page's POST), each of its numbers, dates and ids sent as a
     * word: the page answers without a server error and never with the conversion's own text.
     */
    @Test
    void noScreenFormShowsAConversionsOwnText() throws Exception {
        fixtures.user("binding.every.role", fixtures.rootUnit(), LocalDate.of(2020, 1, 1), Role.values());
        Cookie session = fixtures.session(mvc, "binding.every.role", Fixtures.PASSWORD);
        Map<String, String> answers = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        for (var entry : mappings.getHandlerMethods().entrySet()) {
            var info = entry.getKey();
            var handler = entry.getValue();
            if (AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), RestController.class)
                    || !info.getMethodsCondition().getMethods().contains(RequestMethod.POST)) {
                continue;
            }
            List<String> fields = new ArrayList<>();
            for (MethodParameter parameter : handler.getMethodParameters()) {
                if (parameter.hasParameterAnnotation(ModelAttribute.class)) {
                    fields.addAll(typedFields(parameter.getParameterType()));
                }
            }
            if (fields.isEmpty()) {
                continue;
            }
            for (String pattern : info.getPatternValues()) {
                String uri = pattern.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
                for (String language : List.of("en", "zh-CN")) {
                    var post = mvc.post().uri(uri).cookie(session).with(csrf())
                            .header(HttpHeaders.ACCEPT_LANGUAGE, language).param("version", "0");
                    for (String field : fields) {
                        post = post.param(field, "abc");
                    }
                    MvcTestResult answer = post.exchange();
                    String html = body(answer);
                    answers.put(pattern + " " + language, answer.getResponse().getStatus() + " " + fields);
                    if (answer.getResponse().getStatus() >= 500 || html.contains(CONVERSION_TEXT)
                            || html.contains("java.lang.") || html.contains("java.util.")) {
                        failures.add(pattern + " " + language + " " + fields);
                    }
                }
            }
        }
        assertThat(answers).containsKeys("/leads/new en", "/leads/{id}/edit zh-CN", "/admin/users/new en",
                "/admin/users/{id} zh-CN", "/approvals/delegations zh-CN", "/customers/new en", "/opportunities en");
        assertThat(failures).as("answers: " + answers).isEmpty();
    }

    /** The form's fields a person types a number, a date or an id into (its version is the page's guard's). */
    private static List<String> typedFields(Class<?> form) {
        Set<Class<?>> typed = Set.of(BigDecimal.class, LocalDate.class, java.time.LocalDateTime.class,
                java.time.Instant.class, UUID.class, Integer.class, int.class, Long.class, long.class, Double.class,
                double.class);
        List<String> fields = new ArrayList<>();
        if (form.isRecord()) {
            for (RecordComponent component : form.getRecordComponents()) {
                if (typed.contains(component.getType()) && !component.getName().equals("version")) {
                    fields.add(component.getName());
                }
            }
            return fields;
        }
        for (PropertyDescriptor property : BeanUtils.getPropertyDescriptors(form)) {
            if (property.getWriteMethod() != null && typed.contains(property.getPropertyType())
                    && !property.getName().equals("version")) {
                fields.add(property.getName());
            }
        }
        return fields;
    }
}
