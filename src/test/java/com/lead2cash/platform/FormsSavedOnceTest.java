package com.lead2cash.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import com.lead2cash.testing.CustomerTestSupport;
import com.lead2cash.testing.IntegrationTest;
import com.lead2cash.testing.TestClock;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * A screen's form is saved once (docs/decisions/0027): its one-time token makes a second post of the same form —
 * Back and Save again, a reload after the post, a retry — go to what the first saved instead of saving it again.
 */
@IntegrationTest
@Import(TestClock.class)
class FormsSavedOnceTest {

    private static final Pattern HIDDEN = Pattern.compile("<input type=\"hidden\" name=\"(_csrf|_once)\" value=\"([^\"]+)\"");

    @Autowired MockMvcTester mvc;
    @Autowired CustomerTestSupport support;
    @Autowired JdbcClient jdbc;

    @Test
    void aFollowUpFormSentTwiceIsSavedOnceAndTheSecondPostGoesToWhatTheFirstSaved() throws Exception {
        Rep c = rep("once");
        String id = c.customerId();
        Cookie session = c.session();

        String form = activityForm(page(session, "/customers/" + id, "en"));
        assertThat(hidden(form, "_csrf")).as("the CSRF field is kept").isNotBlank();
        String token = hidden(form, "_once");
        assertThat(token).isNotBlank();
        assertThat(hidden(activityForm(page(session, "/customers/" + id, "en")), "_once")).as("fresh on each page")
                .isNotEqualTo(token);

        MvcTestResult first = logCall(session, id, token, "2026-12-01T09:30");
        assertThat(first).hasStatus3xxRedirection();
        // the browser follows the first post's redirect, then Back and Save again
        assertThat(page(session, first.getResponse().getRedirectedUrl(), "en")).contains("id=\"flash-success\"");
        MvcTestResult second = logCall(session, id, token, "2026-12-01T09:30");
        assertThat(second).hasStatus(303).hasHeader("Location", first.getResponse().getRedirectedUrl());
        assertThat(followUps(c)).as("one follow-up").isEqualTo(1);

        // the notice where flash messages are shown, in both languages
        assertThat(page(session, second.getResponse().getRedirectedUrl(), "en")).contains("id=\"flash-notice\"",
                "This form was already sent; here is what was saved.");
        assertThat(logCall(session, id, token, "2026-12-01T09:30")).hasStatus(303);
        assertThat(page(session, second.getResponse().getRedirectedUrl(), "zh-CN"))
                .contains("这份表单已经提交过，以下是已保存的记录");
        assertThat(followUps(c)).isEqualTo(1);
    }

    @Test
    void backReloadsTheFormWithANewTokenYetTheSameValuesSentAgainGoToWhatTheFirstSaved() throws Exception {
        // the pages are not kept by the browser: Back loads the form again, a new token beside the values typed
        Rep c = rep("back");
        MvcTestResult first = logCall(c.session(), c.customerId(), followUpToken(c), "2026-12-01T09:15");
        assertThat(first).hasStatus3xxRedirection();
        MvcTestResult again = logCall(c.session(), c.customerId(), followUpToken(c), "2026-12-01T09:15");
        assertThat(again).hasStatus(303).hasHeader("Location", first.getResponse().getRedirectedUrl());
        assertThat(page(c.session(), again.getResponse().getRedirectedUrl(), "en"))
                .contains("This form was already sent; here is what was saved.");
        assertThat(followUps(c)).as("one follow-up").isEqualTo(1);
        // other values are another follow-up
        assertThat(logCall(c.session(), c.customerId(), followUpToken(c), "2026-12-01T09:40")).hasStatus3xxRedirection();
        assertThat(followUps(c)).isEqualTo(2);
    }

    @Test
    void aRefusedPostGivesItsTokenBackSoTheCorrectedFormIsSaved() throws Exception {
        Rep c = rep("oncerefused");
        String id = c.customerId();
        Cookie session = c.session();
        String token = followUpToken(c);

        // a follow-up after now is refused, told on the customer's page: nothing was saved
        assertThat(logCall(session, id, token, "2026-12-09T09:30")).hasStatus3xxRedirection().flash()
                .containsEntry("flashError", "activity.occurredAt.future");
        assertThat(logCall(session, id, token, "2026-12-01T09:30")).hasStatus3xxRedirection().flash()
                .containsKey("flashSuccess");
        assertThat(followUps(c)).isEqualTo(1);

        // the registration form re-rendered with its errors gives its token back as well
        String registration = page(session, "/customers/new", "en");
        String newToken = hidden(registration, "_once");
        var refused = mvc.post().uri("/customers/new?lang=en").cookie(session).with(csrf()).param("_once", newToken)
                .param("name", "新\u0000公司").param("industry", "制造业").exchange();
        assertThat(refused).as("re-rendered with its errors").hasStatusOk();
        var created = mvc.post().uri("/customers/new?lang=en").cookie(session).with(csrf()).param("_once", newToken)
                .param("name", "一次提交新登记有限公司").param("industry", "制造业").exchange();
        assertThat(created).hasStatus3xxRedirection();
        assertThat(support.getJson(mvc, c.bearer(), "/api/v1/customers?q={q}", "一次提交新登记").get("items").size()).isEqualTo(1);
    }

    @Test
    void aTokenClaimedByAnotherUserIsRefusedAndSavesNothing() throws Exception {
        Rep c = rep("onceother");
        String id = c.customerId();
        Cookie owner = c.session();
        Cookie other = support.session(mvc, c.company().eastManager());
        String token = followUpToken(c);
        assertThat(logCall(owner, id, token, "2026-12-01T09:30")).hasStatus3xxRedirection();

        MvcTestResult refused = logCall(other, id, token, "2026-12-01T09:30");
        assertThat(refused).hasStatus(409);
        assertThat(refused.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("This form belongs to another sign-in")
                .doesNotContain(c.company().eastRep().username(), "/customers/" + id + "?");
        assertThat(followUps(c)).isEqualTo(1);
    }

    @Test
    void aFormSentAgainWhileTheFirstPostIsStillSavingIsToldSoAndSavesNothing() throws Exception {
        Rep c = rep("oncerunning");
        String id = c.customerId();
        Cookie session = c.session();
        String token = followUpToken(c);
        UUID repId = jdbc.sql("select id from platform_user where username = :u").param("u", c.company().eastRep().username())
                .query(UUID.class).single();
        // the first post has claimed the token and not finished
        jdbc.sql("insert into platform_form_submission (token, user_id, claimed_at) values (:t, :u, :at)")
                .param("t", token).param("u", repId).param("at", java.sql.Timestamp.from(TestClock.START)).update();

        MvcTestResult second = logCall(session, id, token, "2026-12-01T09:30");
        assertThat(second).hasStatus(409);
        assertThat(second.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("This form is being saved", "This cannot be done now")
                .doesNotContain("This input cannot be accepted");
        assertThat(followUps(c)).isZero();
    }

    @Test
    void anUploadFormCarriesItsTokenAndIsSavedOnce() throws Exception {
        var company = support.company("onceupload");
        Cookie session = support.session(mvc, company.eastRep());
        String token = hidden(page(session, "/customers/imports", "en"), "_once");

        MvcTestResult first = upload(session, token);
        assertThat(first).hasStatus3xxRedirection();
        assertThat(first.getResponse().getRedirectedUrl()).startsWith("/customers/imports/");
        MvcTestResult second = upload(session, token);
        assertThat(second).hasStatus(303).hasHeader("Location", first.getResponse().getRedirectedUrl());
        assertThat(jdbc.sql("select count(*) from customer_import where file_name = 'once.csv' and created_by = "
                        + "(select id from platform_user where username = :u)").param("u", company.eastRep().username())
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aGetFormAndTheSignInPageCarryNoToken() throws Exception {
        var company = support.company("onceget");
        Cookie session = support.session(mvc, company.eastRep());
        String list = page(session, "/customers", "en");
        int filter = list.indexOf("id=\"filter-customers\"");
        String filterForm = list.substring(list.lastIndexOf("<form", filter), filter);
        assertThat(filterForm).contains("method=\"get\"").doesNotContain("name=\"_once\"");
        assertThat(list.substring(filter)).as("the bulk transfer posts").contains("name=\"_once\"");
        String signIn = mvc.get().uri("/login").exchange().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(signIn).contains("name=\"_csrf\"").doesNotContain("name=\"_once\"");
    }

    /** A rep of a company of its own, signed in, with a customer of theirs to log follow-ups on. */
    private record Rep(CustomerTestSupport.Company company, String bearer, String customerId, Cookie session) {
    }

    private Rep rep(String tag) {
        var company = support.company(tag);
        String bearer = support.bearer(mvc, company.eastRep());
        String customerId = support.customer(mvc, bearer, "一次提交" + tag + "有限公司", null).get("id").asString();
        return new Rep(company, bearer, customerId, support.session(mvc, company.eastRep()));
    }

    /** The one-time token of the follow-up form on the rep's customer's page, as the page renders it now. */
    private String followUpToken(Rep c) throws Exception {
        return hidden(activityForm(page(c.session(), "/customers/" + c.customerId(), "en")), "_once");
    }

    private int followUps(Rep c) {
        return support.getJson(mvc, c.bearer(), "/api/v1/activities?customerId={id}", c.customerId()).get("items").size();
    }

    private MvcTestResult logCall(Cookie session, String customerId, String token, String occurredAt) {
        return mvc.post().uri("/customers/" + customerId + "/activities").cookie(session).with(csrf())
                .param("_once", token).param("type", "CALL").param("occurredAt", occurredAt)
                .param("summary", "电话沟通二期方案").exchange();
    }

    private MvcTestResult upload(Cookie session, String token) {
        return mvc.post().uri("/customers/imports").multipart().cookie(session).with(csrf())
                .file(new MockMultipartFile("file", "once.csv", "text/csv",
                        "客户名称,行业\r\n一次上传有限公司,软件\r\n".getBytes(StandardCharsets.UTF_8)))
                .param("mode", "VALID_ROWS").param("_once", token).exchange();
    }

    private String page(Cookie session, String path, String lang) throws Exception {
        var result = mvc.get().uri(path + (path.contains("?") ? "&" : "?") + "lang=" + lang).cookie(session).exchange();
        assertThat(result).as(path).hasStatusOk();
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private static String activityForm(String page) {
        int start = page.indexOf("id=\"activity-form\"");
        assertThat(start).as("the follow-up form").isPositive();
        return page.substring(page.lastIndexOf("<form", start), page.indexOf("</form>", start));
    }

    private static String hidden(String html, String name) {
        Matcher m = HIDDEN.matcher(html);
        while (m.find()) {
            if (m.group(1).equals(name)) {
                return m.group(2);
            }
        }
        return "";
    }
}
