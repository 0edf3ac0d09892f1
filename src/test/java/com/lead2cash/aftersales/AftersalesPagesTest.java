package com.lead2cash.aftersales;

import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.sop.SubjectRef;
import com.lead2cash.testing.AftersalesTestSupport;
import com.lead2cash.testing.AftersalesTestSupport.Service;
import com.lead2cash.testing.ContractTestSupport;
import com.lead2cash.testing.CustomerTestSupport;
import com.lead2cash.testing.FormHtml;
import com.lead2cash.testing.Fixtures;
import com.lead2cash.testing.IntegrationTest;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;

/** The after-sales screens render in Chinese and English for those who work them, and show nothing out of scope. */
@IntegrationTest
class AftersalesPagesTest {

    @Autowired MockMvcTester mvc;
    @Autowired AftersalesTestSupport support;
    @Autowired CustomerTestSupport customers;
    @Autowired Fixtures fixtures;

    static String html(MvcTestResult result) throws Exception {
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    String page(Cookie session, String path, String lang) throws Exception {
        MvcTestResult result = mvc.get().uri(path + (path.contains("?") ? "&" : "?") + "lang=" + lang).cookie(session).exchange();
        assertThat(result).as(path + " " + lang).hasStatusOk();
        String html = html(result);
        assertThat(html).as("untranslated key on " + path + " " + lang).doesNotContain("??");
        return html;
    }

    @Test
    void everyScreenRendersInBothLanguagesForTheRepAndForAfterSales() throws Exception {
        Service s = support.service("pages");
        String customer = support.customer(s.rep(), "杭州页面科技有限公司");
        String handoverId = support.signed(customer, s.rep(), "HT-2026-800001");
        String rep = customers.bearer(mvc, s.rep());
        JsonNode complaint = customers.postJson(mvc, rep, "/api/v1/complaints", """
                {"customerId":"%s","category":"DELIVERY","severity":"CRITICAL","description":"到货延误三天"}"""
                .formatted(customer));
        String complaintId = complaint.get("id").asString();
        Cookie repSession = customers.session(mvc, s.rep());
        for (String lang : List.of("zh-CN", "en")) {
            for (String path : List.of("/handovers", "/handovers?status=OPEN", "/handovers/" + handoverId, "/complaints",
                    "/complaints?sla=ON_TRACK&severity=CRITICAL&levelOne=true", "/complaints/new?customerId=" + customer,
                    "/complaints/" + complaintId, "/aftersales/customers/" + customer + "/panel", "/customers/" + customer)) {
                page(repSession, path, lang);
            }
        }
        assertThat(page(repSession, "/handovers/" + handoverId, "zh-CN")).contains("checklist-form", "移交售后");
        assertThat(page(repSession, "/complaints/" + complaintId, "en")).contains("Major complaint · level-I incident",
                "classify-form");
        assertThat(page(repSession, "/complaints", "zh-CN")).contains(complaint.get("code").asString(), "一级");
        // a lower severity asks its reason on the page, and the page keeps it in the complaint's history
        MvcTestResult noReason = post(repSession, "/complaints/" + complaintId + "/classify", "en", "version",
                complaint.get("version").asString(), "category", "DELIVERY", "severity", "MAJOR");
        assertThat(noReason).hasStatusOk();
        assertThat(html(noReason)).contains("Say why the severity is lowered", "is-invalid").doesNotContain("complaint-history");
        assertThat(post(repSession, "/complaints/" + complaintId + "/classify", "en", "version",
                complaint.get("version").asString(), "category", "DELIVERY", "severity", "MAJOR",
                "reason", "客户已收到替代货物")).hasStatus3xxRedirection();
        assertThat(page(repSession, "/complaints/" + complaintId, "en"))
                .contains("complaint-history", "Severity lowered from Critical to Major", "客户已收到替代货物");
        assertThat(page(repSession, "/complaints/" + complaintId, "zh-CN")).contains("严重程度由紧急降为重要");
        assertThat(page(repSession, "/complaints?severity=CRITICAL&sla=ON_TRACK", "en")).as("the filters keep what was chosen")
                .contains("<option value=\"CRITICAL\" selected=\"selected\">", "<option value=\"ON_TRACK\" selected=\"selected\">")
                .doesNotContain("<option value=\"MAJOR\" selected");
        assertThat(page(repSession, "/aftersales/customers/" + customer + "/panel", "zh-CN"))
                .contains("尚未交接", "id=\"open-complaints\"");
        assertThat(page(repSession, "/customers/" + customer, "zh-CN")).contains("/aftersales/customers/" + customer + "/panel");

        // a control character pasted into the handover's checklist: beside it on the handover's page, everything typed
        long version = customers.getJson(mvc, rep, "/api/v1/handovers/" + handoverId).get("version").asLong();
        MvcTestResult control = post(repSession, "/handovers/" + handoverId + "/checklist", "en",
                "version", String.valueOf(version), "background", "制造业\u0000客户", "serviceNeeds", "电话支持");
        assertThat(control).hasStatusOk();
        assertThat(html(control)).contains("The text contains a control character", "is-invalid")
                .doesNotContain("id=\"error-detail\"");
        assertThat(FormHtml.textareaText(html(control), "background")).isEqualTo("制造业\u0000客户");
        assertThat(FormHtml.textareaText(html(control), "serviceNeeds")).isEqualTo("电话支持");
        assertThat(customers.getJson(mvc, rep, "/api/v1/handovers/" + handoverId).get("version").asLong())
                .as("nothing saved").isEqualTo(version);

        Cookie serviceSession = customers.session(mvc, s.afterSales());
        assertThat(page(serviceSession, "/complaints/new", "zh-CN")).as("nobody handed to them yet").contains("no-customer");
        assertThat(mvc.get().uri("/handovers/" + handoverId).cookie(serviceSession).exchange()).hasStatus(404);
        assertThat(mvc.get().uri("/complaints/" + complaintId).cookie(serviceSession).exchange()).hasStatus(404);
        assertThat(mvc.get().uri("/aftersales/customers/" + customer + "/panel").cookie(serviceSession).exchange())
                .hasStatus(404);
        assertThat(page(serviceSession, "/handovers", "en")).doesNotContain(handoverId);
        Cookie otherSession = customers.session(mvc, s.otherRep());
        assertThat(mvc.get().uri("/complaints/" + complaintId).cookie(otherSession).exchange()).hasStatus(404);
        assertThat(page(otherSession, "/complaints", "zh-CN")).doesNotContain(complaint.get("code").asString());
        Cookie financeSession = customers.session(mvc, s.company().finance());
        assertThat(mvc.get().uri("/complaints").cookie(financeSession).exchange()).hasStatus(403);
        // the card's route refuses finance (403): their customer page does not load it
        assertThat(mvc.get().uri("/aftersales/customers/" + customer + "/panel").cookie(financeSession).exchange())
                .hasStatus(403);
        assertThat(page(financeSession, "/customers/" + customer, "en")).doesNotContain("/aftersales/customers/");
    }

    @Test
    void aRefusedComplaintComesBackWithTheSameCustomersToChooseFromAndEverythingTyped() throws Exception {
        Service s = support.service("cform");
        String served = support.customer(s.rep(), "杭州投诉表单科技有限公司");
        String handoverId = support.signed(served, s.rep(), "HT-2026-800201");
        String rep = customers.bearer(mvc, s.rep());
        JsonNode h = handedOver(s, handoverId);
        accepted(s, handoverId, h);
        Cookie service = customers.session(mvc, s.afterSales());

        String first = page(service, "/complaints/new", "en");
        List<String> offered = FormHtml.options(first, "customerId");
        assertThat(offered).as("the customers they serve").containsExactly(served);
        for (String[] lang : new String[][] {{"en", "This field is required."}, {"zh-CN", "此项必填。"}}) {
            MvcTestResult refused = post(service, "/complaints", lang[0], "customerId", served, "servedChoices", "true",
                    "category", "PRODUCT", "severity", "CRITICAL", "receivedVia", "EMAIL", "productLine", "工业网关",
                    "description", "");
            assertThat(refused).as("shown on the form, " + lang[0]).hasStatusOk();
            String again = html(refused);
            assertThat(again).contains(lang[1]).doesNotContain("??");
            assertThat(FormHtml.options(again, "customerId")).as("the same choices, " + lang[0]).isEqualTo(offered);
            assertThat(FormHtml.selected(again, "customerId")).isEqualTo(served);
            assertThat(FormHtml.selected(again, "category")).isEqualTo("PRODUCT");
            assertThat(FormHtml.selected(again, "severity")).isEqualTo("CRITICAL");
            assertThat(FormHtml.selected(again, "receivedVia")).isEqualTo("EMAIL");
            assertThat(FormHtml.inputValue(again, "productLine")).isEqualTo("工业网关");
        }
        MvcTestResult noCategory = post(service, "/complaints", "en", "customerId", served, "servedChoices", "true",
                "severity", "MINOR", "description", "网关每天掉线两次");
        assertThat(FormHtml.textareaText(html(noCategory), "description")).as("the description typed")
                .isEqualTo("网关每天掉线两次");
        assertThat(FormHtml.options(html(noCategory), "customerId")).isEqualTo(offered);
        // a bidi control refused by the input rules: on the form too, not the error page
        MvcTestResult bidi = post(service, "/complaints", "en", "customerId", served, "servedChoices", "true",
                "category", "PRODUCT", "severity", "MINOR", "description", "网关\u202e掉线");
        assertThat(bidi).hasStatusOk();
        assertThat(html(bidi)).contains("The text contains a control character").doesNotContain("id=\"error-detail\"");
        assertThat(FormHtml.textareaText(html(bidi), "description")).isEqualTo("网关\u202e掉线");
        assertThat(FormHtml.selected(html(bidi), "category")).isEqualTo("PRODUCT");

        // from the customer's card: that one customer, and its contact chosen, again after a refusal
        Cookie repSession = customers.session(mvc, s.rep());
        String contact = support.contactOf(served);
        String fromCard = page(repSession, "/complaints/new?customerId=" + served, "zh-CN");
        assertThat(FormHtml.options(fromCard, "customerId")).containsExactly(served);
        MvcTestResult refused = post(repSession, "/complaints", "zh-CN", "customerId", served, "contactId", contact,
                "category", "SERVICE", "severity", "MAJOR", "description", "");
        assertThat(refused).hasStatusOk();
        assertThat(FormHtml.options(html(refused), "customerId")).containsExactly(served);
        assertThat(FormHtml.selected(html(refused), "contactId")).isEqualTo(contact);
        assertThat(customers.getJson(mvc, rep, "/api/v1/complaints").get("items")).as("nothing received").isEmpty();
    }

    @Test
    void H1_afterSalesServingNoCustomerIsToldNoneWasHandedOverWhileARepIsSentToTheCustomersPage() throws Exception {
        Service s = support.service("nonehanded");
        Cookie service = customers.session(mvc, s.afterSales());
        // after-sales cannot open a customer's page: they serve the customers handed over to them (H1)
        assertThat(page(service, "/complaints/new", "en")).contains("id=\"no-customer\"",
                "No customer has been handed over to you yet").doesNotContain("customer page");
        assertThat(page(service, "/complaints/new", "zh-CN")).contains("还没有客户移交给您").doesNotContain("客户页面");

        Cookie rep = customers.session(mvc, s.otherRep());
        assertThat(page(rep, "/complaints/new", "en")).contains("id=\"no-customer\"", "customer page")
                .doesNotContain("handed over to you");
        assertThat(page(rep, "/complaints/new", "zh-CN")).contains("客户页面").doesNotContain("还没有客户移交给您");
    }

    @Test
    void theFiveWhysFormRefusesASaveWithoutAnyWhyBesideTheFirstWhy() throws Exception {
        Service s = support.service("whys");
        String customer = support.customer(s.rep(), "杭州追问科技有限公司");
        String rep = customers.bearer(mvc, s.rep());
        JsonNode c = customers.postJson(mvc, rep, "/api/v1/complaints", """
                {"customerId":"%s","category":"PRODUCT","severity":"MINOR","description":"说明书有错字"}""".formatted(customer));
        String id = c.get("id").asString();
        c = customers.json(customers.post(mvc, rep, "/api/v1/complaints/" + id + "/classify",
                "{\"category\":\"PRODUCT\",\"severity\":\"MINOR\",\"version\":" + c.get("version").asLong() + "}"));
        c = customers.json(customers.post(mvc, rep, "/api/v1/complaints/" + id + "/first-response",
                "{\"text\":\"已回电\",\"version\":" + c.get("version").asLong() + "}"));
        Cookie session = customers.session(mvc, s.rep());

        for (String lang : List.of("zh-CN", "en")) {
            MvcTestResult refused = post(session, "/complaints/" + id + "/root-cause", lang, "version",
                    c.get("version").asString(), "whys", "", "whys", "  ", "whys", "", "whys", "", "whys", "",
                    "rootCause", "校对遗漏");
            assertThat(refused).hasStatusOk();
            String html = html(refused);
            assertThat(html).contains("id=\"whys-error\"", lang.equals("en") ? "Write at least one Why" : "请至少填写一个“为什么”");
            assertThat(FormHtml.textareaText(html, "rootCause")).as("what was typed comes back").isEqualTo("校对遗漏");
        }
        assertThat(customers.getJson(mvc, rep, "/api/v1/complaints/" + id).get("rootCause").isNull())
                .as("nothing saved").isTrue();
    }

    /** The start tag of the element with this id (its classes say whether it is marked as refused). */
    static String tag(String html, String id) {
        return java.util.regex.Pattern.compile("<[a-z]+\\b[^>]*\\bid=\"" + id + "\"[^>]*>").matcher(html).results()
                .map(java.util.regex.MatchResult::group).findFirst().orElseThrow(() -> new AssertionError("no #" + id));
    }

    /** The text of the element with this id (an invalid-feedback beside a field). */
    static String textOf(String html, String id) {
        return java.util.regex.Pattern.compile("\\bid=\"" + id + "\"[^>]*>([^<]*)<").matcher(html).results()
                .map(m -> m.group(1)).findFirst().orElseThrow(() -> new AssertionError("no #" + id));
    }

    @Test
    void anEmptyFirstResponseOrResolutionIsRefusedBesideItsFieldInTheFormThatWasPostedWithWhatWasTyped() throws Exception {
        Service s = support.service("besides");
        String customer = support.customer(s.rep(), "杭州字段旁提示科技有限公司");
        String rep = customers.bearer(mvc, s.rep());
        JsonNode c = customers.postJson(mvc, rep, "/api/v1/complaints", """
                {"customerId":"%s","category":"PRODUCT","severity":"MINOR","description":"面板螺丝松动"}""".formatted(customer));
        String id = c.get("id").asString();
        c = customers.json(customers.post(mvc, rep, "/api/v1/complaints/" + id + "/classify",
                "{\"category\":\"PRODUCT\",\"severity\":\"MINOR\",\"version\":" + c.get("version").asLong() + "}"));
        Cookie session = customers.session(mvc, s.rep());

        MvcTestResult noResponse = post(session, "/complaints/" + id + "/first-response", "zh-CN",
                "version", c.get("version").asString(), "text", "");
        assertThat(noResponse).hasStatusOk();
        String html = html(noResponse);
        assertThat(tag(html, "first-response-text")).contains("is-invalid");
        assertThat(textOf(html, "first-response-error")).isEqualTo("此项必填。");
        assertThat(html).as("not a bare message above every form").doesNotContain("id=\"complaint-problems\"");
        MvcTestResult controlResponse = post(session, "/complaints/" + id + "/first-response", "en",
                "version", c.get("version").asString(), "text", "已回电\u0000");
        assertThat(controlResponse).hasStatusOk();
        html = html(controlResponse);
        assertThat(tag(html, "first-response-text")).as("the input rules' refusal beside the field too").contains("is-invalid");
        assertThat(textOf(html, "first-response-error")).contains("control character");
        assertThat(FormHtml.textareaText(html, "first-response-text")).isEqualTo("已回电\u0000");

        c = customers.json(customers.post(mvc, rep, "/api/v1/complaints/" + id + "/first-response",
                "{\"text\":\"已回电\",\"version\":" + c.get("version").asLong() + "}"));
        c = rootCause(rep, id, c, s);
        for (String[] lang : new String[][] {{"zh-CN", "此项必填。"}, {"en", "This field is required."}}) {
            MvcTestResult noResolution = post(session, "/complaints/" + id + "/feedback", lang[0],
                    "version", c.get("version").asString(), "resolution", "");
            assertThat(noResolution).hasStatusOk();
            html = html(noResolution);
            assertThat(tag(html, "resolution-text")).contains("is-invalid");
            assertThat(textOf(html, "resolution-error")).isEqualTo(lang[1]);
            assertThat(tag(html, "why0")).as("only the form that was posted").doesNotContain("is-invalid");
            assertThat(html).doesNotContain("id=\"complaint-problems\"");
        }
        MvcTestResult control = post(session, "/complaints/" + id + "/feedback", "en",
                "version", c.get("version").asString(), "resolution", "已更换\u0000螺丝");
        assertThat(control).hasStatusOk();
        html = html(control);
        assertThat(tag(html, "resolution-text")).contains("is-invalid");
        assertThat(textOf(html, "resolution-error")).contains("control character");
        assertThat(FormHtml.textareaText(html, "resolution-text")).as("what was typed comes back").isEqualTo("已更换\u0000螺丝");
        assertThat(customers.getJson(mvc, rep, "/api/v1/complaints/" + id).get("resolution").isNull())
                .as("nothing saved").isTrue();
    }

    /** The handler (the rep) records one Why, the root cause and the corrective action: the complaint as it is then. */
    private JsonNode rootCause(String rep, String id, JsonNode c, Service s) {
        MvcTestResult saved = customers.put(mvc, rep, "/api/v1/complaints/" + id + "/root-cause", """
                {"whys":["螺丝未拧紧"],"rootCause":"装配漏检","correctiveAction":"上门紧固","correctiveOwnerId":"%s",
                 "correctiveDueOn":"%s","version":%d}""".formatted(s.rep().id(),
                // due a few days from the application's today (this context's clock)
                java.time.LocalDate.ofInstant(clock.instant(), java.time.ZoneId.of("Asia/Shanghai")).plusDays(3),
                c.get("version").asLong()));
        assertThat(saved).hasStatusOk();
        return customers.json(saved);
    }

    @Test
    void S2_theComplaintPageOffersTheResolutionFormOnlyOnceTheRootCauseAndTheCorrectiveActionAreRecorded()
            throws Exception {
        Service s = support.service("feedbackform");
        String customer = support.customer(s.rep(), "杭州反馈表单科技有限公司");
        String rep = customers.bearer(mvc, s.rep());
        JsonNode c = customers.postJson(mvc, rep, "/api/v1/complaints", """
                {"customerId":"%s","category":"PRODUCT","severity":"MINOR","description":"面板螺丝松动"}""".formatted(customer));
        String id = c.get("id").asString();
        c = customers.json(customers.post(mvc, rep, "/api/v1/complaints/" + id + "/classify",
                "{\"category\":\"PRODUCT\",\"severity\":\"MINOR\",\"version\":" + c.get("version").asLong() + "}"));
        c = customers.json(customers.post(mvc, rep, "/api/v1/complaints/" + id + "/first-response",
                "{\"text\":\"已回电\",\"version\":" + c.get("version").asLong() + "}"));
        Cookie session = customers.session(mvc, s.rep());
        for (String lang : List.of("zh-CN", "en")) {
            assertThat(page(session, "/complaints/" + id, lang)).as("handling, no root cause yet: the 5 Whys first")
                    .contains("id=\"five-whys-form\"").doesNotContain("id=\"feedback-form\"", "id=\"give-feedback\"");
        }
        rootCause(rep, id, c, s);
        assertThat(page(session, "/complaints/" + id, "zh-CN")).contains("id=\"feedback-form\"", "id=\"give-feedback\"");
    }

    @Test
    void anAdministratorIsNotOfferedToReceiveAComplaintAndIsRefusedOneTheRepIsOfferedIt() throws Exception {
        Service s = support.service("adminform");
        String customer = support.customer(s.rep(), "杭州管理员表单科技有限公司");
        Cookie admin = fixtures.session(mvc, "admin", Fixtures.ADMIN_PASSWORD);
        for (String[] lang : new String[][] {{"en", "Complaints are received by after-sales staff"},
                {"zh-CN", "投诉由售后人员或负责该客户的销售人员受理"}}) {
            assertThat(page(admin, "/complaints/new?customerId=" + customer, lang[0])).as("from the customer's card")
                    .contains("id=\"not-receiver\"", lang[1])
                    .doesNotContain("id=\"complaint-form\"", "id=\"receive-complaint\"", "id=\"no-customer\"");
            assertThat(page(admin, "/complaints/new", lang[0])).as("from the list").contains("id=\"not-receiver\"")
                    .doesNotContain("id=\"receive-complaint\"");
        }
        assertThat(page(admin, "/complaints", "en")).doesNotContain("id=\"new-complaint\"");
        assertThat(page(admin, "/aftersales/customers/" + customer + "/panel", "en")).contains("id=\"served-by\"")
                .doesNotContain("id=\"record-complaint\"");
        MvcTestResult posted = post(admin, "/complaints", "en", "customerId", customer, "category", "PRODUCT",
                "severity", "MAJOR", "description", "网关频繁掉线");
        assertThat(posted).as("never offered: the 403 page, as the API answers").hasStatus(403);
        String rep = customers.bearer(mvc, s.rep());
        assertThat(customers.getJson(mvc, rep, "/api/v1/complaints").get("items")).as("nothing received").isEmpty();

        Cookie repSession = customers.session(mvc, s.rep());
        assertThat(page(repSession, "/complaints/new?customerId=" + customer, "en")).contains("id=\"receive-complaint\"")
                .doesNotContain("id=\"not-receiver\"");
        assertThat(page(repSession, "/complaints", "en")).contains("id=\"new-complaint\"");
        assertThat(page(repSession, "/aftersales/customers/" + customer + "/panel", "en")).contains("id=\"record-complaint\"");
    }

    /**
     * The complaint's rating link still open (the latest sent): its title, its e-mail's language and its page's (- for
     * none).
     */
    private String openRatingLink(String complaintId) {
        return jdbc.sql("select title || ' ' || locale || ' ' || coalesce(recipient_language, '-') "
                        + "from confirmation_confirmation where subject_type = 'Complaint' and subject_id = :c and state = 'SENT'")
                .param("c", complaintId).query(String.class).single();
    }

    /**
     * Decision 0098: the rating form's language starts on "the contact's preferred language" — sent so, the rating form
     * is in the language of the contact it goes to, not the reader's screen language; a language chosen wins.
     */
    @Test
    void theRatingLinkIsInTheContactsPreferredLanguageWhenNoneIsChosenAndAChosenLanguageWins() throws Exception {
        Service s = support.service("ratingform");
        String customer = support.customer(s.rep(), "杭州评价表单语言科技有限公司");
        String rep = customers.bearer(mvc, s.rep());
        JsonNode c = customers.postJson(mvc, rep, "/api/v1/complaints", """
                {"customerId":"%s","category":"PRODUCT","severity":"MINOR","description":"面板螺丝松动"}""".formatted(customer));
        String id = c.get("id").asString();
        String code = c.get("code").asString();
        c = customers.json(customers.post(mvc, rep, "/api/v1/complaints/" + id + "/classify",
                "{\"category\":\"PRODUCT\",\"severity\":\"MINOR\",\"version\":" + c.get("version").asLong() + "}"));
        c = customers.json(customers.post(mvc, rep, "/api/v1/complaints/" + id + "/first-response",
                "{\"text\":\"已回电\",\"version\":" + c.get("version").asLong() + "}"));
        c = rootCause(rep, id, c, s);
        assertThat(customers.post(mvc, rep, "/api/v1/complaints/" + id + "/feedback",
                "{\"resolution\":\"已上门紧固\",\"version\":" + c.get("version").asLong() + "}")).hasStatusOk();
        String smith = customers.postJson(mvc, rep, "/api/v1/customers/" + customer + "/contacts", """
                {"name":"John Smith","email":"john.smith@example.test","language":"en"}""").get("id").asString();
        Cookie session = customers.session(mvc, s.rep());

        for (String[] lang : new String[][] {{"zh-CN", "联系人的首选语言"}, {"en", "preferred language"}}) {
            String html = page(session, "/complaints/" + id, lang[0]);
            assertThat(FormHtml.options(html, "rating-locale")).as("the contact's language first")
                    .containsExactly("", "zh-CN", "en");
            assertThat(FormHtml.selected(html, "rating-locale")).as("no language unless the reader picks one").isEmpty();
            assertThat(html).contains(lang[1]);
        }

        assertThat(post(session, "/complaints/" + id + "/rating-request", "zh-CN", "contactId", smith,
                "documentLocale", "")).hasStatus3xxRedirection();
        assertThat(openRatingLink(id)).as("English for the contact who prefers it, on a Chinese screen")
                .isEqualTo("Your complaint " + code + " en en");
        assertThat(post(session, "/complaints/" + id + "/rating-request", "en", "contactId", smith,
                "documentLocale", "zh-CN")).hasStatus3xxRedirection();
        assertThat(openRatingLink(id)).as("the reader's choice wins, on an English screen")
                .isEqualTo("投诉处理满意度 " + code + " zh-CN zh-CN");
    }

    /**
     * A step on the complaint's page that the reader may not take — the customer's rep reads the complaint its
     * after-sales owner handles — is the 403 page, as the API answers it and the receive post does, never a message on
     * the complaint's page; nothing changes.
     */
    @Test
    void aStepTheReaderMayNotTakeOnTheComplaintPageIsThe403PageAndChangesNothing() throws Exception {
        Service s = support.service("stepnotyours");
        String customer = support.customer(s.rep(), "杭州越权页面科技有限公司");
        String handoverId = support.signed(customer, s.rep(), "HT-2026-800301");
        JsonNode h = handedOver(s, handoverId);
        String service = customers.bearer(mvc, s.afterSales());
        accepted(s, handoverId, h);
        String rep = customers.bearer(mvc, s.rep());
        JsonNode c = customers.postJson(mvc, rep, "/api/v1/complaints", """
                {"customerId":"%s","category":"PRODUCT","severity":"MINOR","description":"面板螺丝松动"}""".formatted(customer));
        String id = c.get("id").asString();
        String version = c.get("version").asString();
        assertThat(c.get("handlerId").asString()).as("its after-sales owner handles it").isEqualTo(s.afterSales().id().toString());
        Cookie session = customers.session(mvc, s.rep());
        assertThat(page(session, "/complaints/" + id, "en")).as("the rep reads it, offered no step")
                .doesNotContain("id=\"classify-form\"", "id=\"rating-form\"");

        String contact = support.contactOf(customer);
        String[][] steps = {
                {"classify", "category", "PRODUCT", "severity", "MINOR"},
                {"first-response", "text", "已回电"},
                {"root-cause", "whys", "螺丝未拧紧", "rootCause", "装配漏检"},
                {"feedback", "resolution", "已上门紧固"},
                {"rating-request", "contactId", contact},
                {"close", "noRatingReason", "联系不上"}};
        for (String[] step : steps) {
            for (String lang : List.of("en", "zh-CN")) {
                String[] params = new String[step.length + 1];
                params[0] = "version";
                params[1] = version;
                System.arraycopy(step, 1, params, 2, step.length - 1);
                MvcTestResult refused = post(session, "/complaints/" + id + "/" + step[0], lang, params);
                assertThat(refused).as(step[0] + " " + lang).hasStatus(403);
                assertThat(html(refused)).as(step[0] + " " + lang).doesNotContain("id=\"complaint-status\"");
            }
        }
        MvcTestResult evidence = mvc.post().uri("/complaints/" + id + "/evidence?lang=en").multipart()
                .file(new org.springframework.mock.web.MockMultipartFile("file", "现场照片.jpg", "image/jpeg",
                        com.lead2cash.files.TestFiles.jpeg()))
                .cookie(session)
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                .exchange();
        assertThat(evidence).as("evidence").hasStatus(403);

        JsonNode after = customers.getJson(mvc, service, "/api/v1/complaints/" + id);
        assertThat(after.get("version").asString()).as("nothing changed").isEqualTo(version);
        assertThat(after.get("status").asString()).isEqualTo("RECEIVED");
        assertThat(customers.getJson(mvc, service, "/api/v1/complaints/" + id + "/evidence").get("items")).isEmpty();
        assertThat(jdbc.sql("select count(*) from confirmation_confirmation where subject_type = 'Complaint' and "
                + "subject_id = :c").param("c", id).query(Integer.class).single()).as("nothing sent").isZero();
    }

    @Test
    void aContactOfAnotherCustomerIsRefusedBesideTheContactFieldWithEverythingTyped() throws Exception {
        Service s = support.service("cformcontact");
        String customer = support.customer(s.rep(), "杭州联系人表单科技有限公司");
        String foreign = support.contactOf(support.customer(s.rep(), "杭州别家联系人科技有限公司"));
        Cookie session = customers.session(mvc, s.rep());
        for (String[] lang : new String[][] {{"zh-CN", "不是该客户的联系人。"}, {"en", "Not a contact of this customer."}}) {
            MvcTestResult refused = post(session, "/complaints", lang[0], "customerId", customer, "contactId", foreign,
                    "category", "SERVICE", "severity", "MAJOR", "description", "客服电话无人接听");
            assertThat(refused).hasStatusOk();
            String html = html(refused);
            assertThat(tag(html, "contactId")).contains("is-invalid");
            assertThat(textOf(html, "contactId-error")).isEqualTo(lang[1]);
            assertThat(FormHtml.textareaText(html, "description")).isEqualTo("客服电话无人接听");
            assertThat(FormHtml.selected(html, "category")).isEqualTo("SERVICE");
        }
        assertThat(customers.getJson(mvc, customers.bearer(mvc, s.rep()), "/api/v1/complaints").get("items"))
                .as("nothing received").isEmpty();
    }

    private MvcTestResult post(Cookie session, String path, String lang, String... params) {
        var request = mvc.post().uri(path + "?lang=" + lang).cookie(session)
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf());
        for (int i = 0; i < params.length; i += 2) {
            request = request.param(params[i], params[i + 1]);
        }
        return request.exchange();
    }

    /** The after-sales owner accepts the handover as it was handed over ({@code h}): they serve the customer from now on. */
    private void accepted(Service s, String handoverId, JsonNode h) {
        assertThat(customers.post(mvc, customers.bearer(mvc, s.afterSales()), "/api/v1/handovers/" + handoverId + "/accept",
                "{\"version\":" + h.get("version").asLong() + "}")).hasStatusOk();
    }

    /** The rep writes the handover's checklist and hands the customer to the after-sales owner; the handover as it is then. */
    private JsonNode handedOver(Service s, String handoverId) {
        String rep = customers.bearer(mvc, s.rep());
        JsonNode h = customers.getJson(mvc, rep, "/api/v1/handovers/" + handoverId);
        h = customers.json(customers.put(mvc, rep, "/api/v1/handovers/" + handoverId + "/checklist", """
                {"background":"制造业","serviceNeeds":"电话支持","specialAgreements":"无","keyContacts":"王经理","version":%d}"""
                .formatted(h.get("version").asLong())));
        MvcTestResult handed = customers.post(mvc, rep, "/api/v1/handovers/" + handoverId + "/hand-over",
                "{\"serviceOwnerId\":\"%s\",\"version\":%d}".formatted(s.afterSales().id(), h.get("version").asLong()));
        assertThat(handed).hasStatusOk();
        return customers.json(handed);
    }

    @Autowired com.lead2cash.sop.Deadlines deadlines;
    @Test
    void theHandoverAndTheComplaintLinkTheirCustomerOnlyForAReaderWhoMayOpenTheCustomersPage() throws Exception {
        Service s = support.service("hocust");
        String customer = support.customer(s.rep(), "杭州交接客户链接科技有限公司");
        String handoverId = support.signed(customer, s.rep(), "HT-2026-800201");
        String rep = customers.bearer(mvc, s.rep());
        JsonNode h = handedOver(s, handoverId);
        String customerLink = "href=\"/customers/" + customer + "\"";
        assertThat(page(customers.session(mvc, s.rep()), "/handovers/" + handoverId, "en")).as("the rep, whose customer it is")
                .contains("id=\"handover-customer\"", customerLink);
        Cookie service = customers.session(mvc, s.afterSales());
        assertThat(mvc.get().uri("/customers/" + customer).cookie(service).exchange()).as("not theirs to open")
                .hasStatus4xxClientError();
        assertThat(page(service, "/handovers/" + handoverId, "en")).as("the after-sales owner, who may not read the customer")
                .contains("id=\"handover-status\"").doesNotContain("id=\"handover-customer\"", customerLink);

        // the complaint page the same way, once the after-sales owner serves the customer and handles its complaints
        String serviceToken = customers.bearer(mvc, s.afterSales());
        h = customers.getJson(mvc, serviceToken, "/api/v1/handovers/" + handoverId);
        accepted(s, handoverId, h);
        String complaintId = customers.postJson(mvc, rep, "/api/v1/complaints", """
                {"customerId":"%s","category":"DELIVERY","severity":"MAJOR","description":"到货延误三天"}"""
                .formatted(customer)).get("id").asString();
        assertThat(page(customers.session(mvc, s.rep()), "/complaints/" + complaintId, "en")).as("the rep")
                .contains("id=\"complaint-customer\"", customerLink);
        assertThat(page(service, "/complaints/" + complaintId, "en")).as("its handler in after-sales, who now serves it")
                .contains("id=\"complaint-status\"", "id=\"complaint-customer\"", customerLink);
        assertThat(page(customers.session(mvc, s.afterSales2()), "/handovers", "en")).as("a colleague not serving it")
                .doesNotContain(handoverId);
    }

    @Test
    void H1_theAfterSalesOwnerWhoAcceptedTheHandoverAndTheirHeadReadTheCustomerOnlyAndNobodyElse() throws Exception {
        Service s = support.service("served");
        String customer = support.customer(s.rep(), "杭州售后服务客户科技有限公司");
        String handoverId = support.signed(customer, s.rep(), "HT-2026-800301");
        JsonNode h = handedOver(s, handoverId);
        String serviceToken = customers.bearer(mvc, s.afterSales());
        String apiPath = "/api/v1/customers/" + customer;
        assertThat(customers.get(mvc, serviceToken, apiPath)).as("handed over, not yet accepted").hasStatus(404);

        accepted(s, handoverId, h);

        // the one who serves it reads it: no seller's step offered, none allowed, contacts masked
        JsonNode read = customers.getJson(mvc, serviceToken, apiPath);
        assertThat(read.get("name").asString()).isEqualTo("杭州售后服务客户科技有限公司");
        assertThat(read.get("availableActions").isEmpty()).as("nothing a seller does").isTrue();
        assertThat(customers.get(mvc, serviceToken, apiPath + "/needs-analyses")).hasStatusOk();
        assertThat(customers.get(mvc, serviceToken, apiPath + "/timeline")).hasStatusOk();
        JsonNode contact = customers.getJson(mvc, serviceToken, apiPath + "/contacts").get("items").get(0);
        assertThat(contact.get("masked").asBoolean()).isTrue();
        assertThat(contact.get("email").asString()).isNotEqualTo("wang@example.test");
        assertThat(customers.post(mvc, serviceToken, apiPath + "/grade", """
                {"grade":"A","version":%d}""".formatted(read.get("version").asLong()))).hasStatus(403);
        assertThat(customers.get(mvc, serviceToken, "/api/v1/customers")).as("the list stays the sellers'").hasStatus(403);

        Cookie service = customers.session(mvc, s.afterSales());
        for (String lang : List.of("zh-CN", "en")) {
            assertThat(page(service, "/customers/" + customer, lang)).contains("/aftersales/customers/" + customer + "/panel")
                    .doesNotContain("id=\"grade-form\"", "id=\"contact-form\"", "id=\"activity-form\"",
                            "id=\"transfer-form\"", "id=\"edit-customer\"");
            page(service, "/customers/" + customer + "/needs-analyses", lang);
        }
        assertThat(page(service, "/aftersales/customers/" + customer + "/panel", "zh-CN")).contains("id=\"served-by\"",
                s.afterSales().displayName());
        assertThat(post(service, "/customers/" + customer + "/grade", "en", "grade", "A",
                "version", read.get("version").asString())).hasStatus(403);

        // the head of their unit oversees what the unit serves
        String head = customers.bearer(mvc, s.serviceManager());
        assertThat(customers.get(mvc, head, apiPath)).hasStatusOk();
        assertThat(page(customers.session(mvc, s.serviceManager()), "/aftersales/customers/" + customer + "/panel", "en"))
                .contains("id=\"served-by\"");

        // anyone else: as if it did not exist
        Cookie colleague = customers.session(mvc, s.afterSales2());
        assertThat(customers.get(mvc, customers.bearer(mvc, s.afterSales2()), apiPath)).hasStatus(404);
        assertThat(customers.get(mvc, customers.bearer(mvc, s.afterSales2()), apiPath + "/needs-analyses")).hasStatus(404);
        assertThat(mvc.get().uri("/customers/" + customer).cookie(colleague).exchange()).hasStatus(404);
        assertThat(mvc.get().uri("/aftersales/customers/" + customer + "/panel").cookie(colleague).exchange()).hasStatus(404);
        Cookie otherRep = customers.session(mvc, s.otherRep());
        assertThat(customers.get(mvc, customers.bearer(mvc, s.otherRep()), apiPath)).hasStatus(404);
        assertThat(mvc.get().uri("/customers/" + customer).cookie(otherRep).exchange()).hasStatus(404);
    }

    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;
    @Autowired java.time.Clock clock;

    @Test
    void theDeadlinesPageLinksAHandoverAndAComplaintOnlyForAReaderWhoMayOpenThem() throws Exception {
        Service s = support.service("dls");
        String customer = support.customer(s.rep(), "杭州期限链接科技有限公司");
        String handoverId = support.signed(customer, s.rep(), "HT-2026-800101");
        String rep = customers.bearer(mvc, s.rep());
        handedOver(s, handoverId);
        String complaintId = customers.postJson(mvc, rep, "/api/v1/complaints", """
                {"customerId":"%s","category":"DELIVERY","severity":"MAJOR","description":"到货延误三天"}"""
                .formatted(customer)).get("id").asString();
        String handover = jdbc.sql("select code || ' ' || customer_name from aftersales_handover where id = :id::uuid")
                .param("id", handoverId).query(String.class).single();
        String complaint = jdbc.sql("select code || ' ' || customer_name from aftersales_complaint where id = :id::uuid")
                .param("id", complaintId).query(String.class).single();
        String handoverLink = "href=\"/handovers/" + handoverId + "\"";
        String complaintLink = "href=\"/complaints/" + complaintId + "\"";
        // a colleague in after-sales owns a deadline of each kind on records neither theirs nor their customer's
        // (S1's window is the complaint's own, so its running one is moved to them)
        UUID colleague = s.afterSales2().id();
        deadlines.recordMet("H1", SubjectRef.of("Handover", handoverId), colleague, clock.instant());
        deadlines.recordMet("H1", SubjectRef.of("HandoverReview", handoverId), colleague, clock.instant());
        deadlines.transfer("S1", SubjectRef.of("Complaint", complaintId), colleague);

        assertThat(page(customers.session(mvc, s.rep()), "/deadlines", "en")).as("the rep: their handover and complaint")
                .contains(handover, handoverLink, complaint, complaintLink);
        assertThat(page(customers.session(mvc, s.afterSales()), "/deadlines", "en"))
                .as("the service owner: the handover to review").contains(handover, handoverLink);
        String colleagues = page(customers.session(mvc, s.afterSales2()), "/deadlines", "en");
        assertThat(colleagues).as("the colleague reads the labels but may open neither")
                .contains(handover, complaint).doesNotContain(handoverLink, complaintLink);
        assertThat(colleagues).as("each of the three kinds is described")
                .doesNotContain("Handover " + handoverId, "HandoverReview " + handoverId, "Complaint " + complaintId);
        assertThat(page(customers.session(mvc, s.otherRep()), "/deadlines?scope=team", "en"))
                .as("another team's rep: no entry at all").doesNotContain(handover, complaint);
    }
}
