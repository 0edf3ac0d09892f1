package com.lead2cash.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.files.TestFiles;
import com.lead2cash.platform.internal.identity.User;
import com.lead2cash.contract.internal.domain.ContractSection;
import com.lead2cash.testing.ContractTestSupport;
import com.lead2cash.testing.ContractTestSupport.Reviewers;
import com.lead2cash.testing.CustomerTestSupport;
import com.lead2cash.testing.FormHtml;
import com.lead2cash.testing.ExportedWorkbook;
import com.lead2cash.testing.IntegrationTest;
import com.lead2cash.testing.MutableClock;
import com.lead2cash.testing.TestClock;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;

/**
 * The contract screens, walked as the people who use them: the rep drafts from the opportunity's page on
 * the form (the accepted quote's and the confirmed minutes' content offered), fills the buyer's data and
 * rewrites a clause (marked, with its difference from the template); the three departments find it on
 * their home panel and pass it on its page — each sees only their own review form — the manager and the
 * legal head approve, the rep uploads the signed scan and archives; the list filters by status. Legal
 * writes and publishes a template version; nobody else may. Every page in Chinese and English.
 */
@IntegrationTest
@Import(TestClock.class)
class ContractPagesTest {

    @Autowired MockMvcTester mvc;
    @Autowired ContractTestSupport support;
    @Autowired CustomerTestSupport customers;
    @Autowired com.lead2cash.testing.SignedContracts signedContracts;
    @Autowired MutableClock clock;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @BeforeEach
    void resetClock() {
        clock.set(TestClock.START);
    }

    static Reviewers signers;

    /** One team for the tests that get contracts signed: K2 asks the longest-serving legal head, so one head for the class. */
    Reviewers signers() {
        if (signers == null) {
            signers = support.reviewers("cpg", CustomerTestSupport.HIRED.minusYears(10));
        }
        return signers;
    }

    @Test
    void aContractIsDraftedReviewedApprovedSignedAndArchivedOnItsPages() {
        Reviewers r = signers();
        ContractTestSupport.Deal deal = support.opportunityFromAcceptedQuote(mvc, r, "cpg", "苏州庚方科技有限公司");
        Cookie rep = customers.session(mvc, r.rep());

        String card = page(rep, "/opportunities/" + deal.opportunityId() + "/contract", "zh-CN");
        assertThat(card).contains("拟定合同", "/contracts/new?opportunityId=" + deal.opportunityId());
        String form = page(rep, "/contracts/new?opportunityId=" + deal.opportunityId(), "en");
        assertThat(form).contains(deal.quoteNumber(), "12,360.00", "value=\"3708.00\"", "质保期满一年");
        page(rep, "/contracts/new?opportunityId=" + deal.opportunityId(), "zh-CN");
        // a finance reviewer reads contracts and drafts none: the drafting form is refused as its Save is (403), not shown
        assertThat(mvc.get().uri("/contracts/new?opportunityId=" + deal.opportunityId())
                .cookie(customers.session(mvc, r.finance())).exchange()).hasStatus(403);

        MvcTestResult refused = post(rep, "/contracts", "opportunityId", deal.opportunityId(), "amount", "一万", "lang", "en");
        assertThat(refused).as("an unreadable amount is shown on the form").hasStatusOk();
        assertThat(body(refused)).contains("This value is not in a form that can be read.", "is-invalid");

        MvcTestResult drafted = post(rep, "/contracts", "opportunityId", deal.opportunityId(), "title", "园区网关采购合同",
                "amount", "12360.00", "riskLevel", "LOW", "termStart", "2026-12-10", "termEnd", "2027-12-09",
                "milestones[0].type", "PREPAYMENT", "milestones[0].amount", "3708.00", "milestones[0].dueCondition", "合同签订后 7 日内",
                "milestones[1].type", "ON_DELIVERY", "milestones[1].amount", "7416.00", "milestones[1].dueCondition", "到货验收后 15 日内",
                "milestones[2].type", "RETENTION", "milestones[2].amount", "1236.00", "milestones[2].dueDate", "2027-12-31",
                "milestones[3].type", "", "milestones[3].amount", "", "milestones[3].dueDate", "", "milestones[3].dueCondition", "");
        assertThat(drafted).hasStatus3xxRedirection();
        String path = drafted.getResponse().getRedirectedUrl();
        String id = path.substring(path.lastIndexOf('/') + 1);
        JsonNode draft = api(r.rep(), id);
        assertThat(draft.get("milestones")).as("the rows written, the blank one left out").hasSize(3);
        assertThat(draft.at("/milestones/2/dueDate").asString()).isEqualTo("2027-12-31");
        assertThat(page(rep, "/contracts?signed=true", "en")).as("a draft is not signed")
                .doesNotContain(draft.get("number").asString());

        String detail = page(rep, path, "zh-CN");
        assertThat(detail).contains("草拟", "terms-form", "submit-contract", "工业网关", "{{buyer.taxId}}");
        assertThat(post(rep, path + "/submit?lang=en", "version", draft.get("version").asString())).hasStatus3xxRedirection();
        String unfilled = page(rep, path, "en");
        String refusal = unfilled.substring(unfilled.indexOf("flash-error"));
        // the values by what they are, not by the placeholder written in the template
        assertThat(refusal.substring(0, refusal.indexOf("</div>"))).as("the refusal names the clause and its values")
                .contains("still has values to fill in:", "the customer&#39;s unified social credit code", "Edit the terms")
                .doesNotContain("{{buyer.taxId}}", "buyer.taxId");
        assertThat(post(rep, path + "/submit?lang=zh-CN", "version", draft.get("version").asString())).hasStatus3xxRedirection();
        String unfilledZh = page(rep, path, "zh-CN");
        String refusalZh = unfilledZh.substring(unfilledZh.indexOf("flash-error"));
        assertThat(refusalZh.substring(0, refusalZh.indexOf("</div>"))).contains("仍有待填写的内容：", "客户的统一社会信用代码")
                .doesNotContain("{{buyer.taxId}}");
        assertThat(api(r.rep(), id).get("status").asString()).isEqualTo("DRAFT");
        assertThat(page(rep, path, "en")).as("the term's dates as every screen writes them, in English too")
                .contains("2026-12-10 – 2027-12-09");
        assertThat(post(rep, path + "/terms", "title", "园区网关采购合同", "amount", "12360.00", "riskLevel", "LOW",
                "termStart", "2026-12-10", "termEnd", "2027-12-09", "buyerName", "苏州庚方科技有限公司", "buyerTaxId", "91110108551385082Q", "buyerAddress", "苏州市工业园区星湖街 1 号",
                "buyerRepresentative", "王经理", "version", draft.get("version").asString())).hasStatus3xxRedirection();
        long version = api(r.rep(), id).get("version").asLong();
        String liability = api(r.rep(), id).at("/sections/7/body").asString();
        assertThat(post(rep, path + "/sections/LIABILITY", "heading", "违约责任", "body",
                liability.replace("百分之二十", "百分之三十"), "version", String.valueOf(version))).hasStatus3xxRedirection();
        // the two saves above each left their note for the page (the API reads none); a visit shows one
        assertThat(page(rep, path, "zh-CN")).contains("id=\"flash-success\"");
        assertThat(page(rep, path, "zh-CN")).contains("id=\"flash-success\"");
        String overlong = "违约责任" + "很".repeat(ContractSection.MAX_HEADING);
        assertThat(post(rep, path + "/sections/LIABILITY", "heading", overlong, "body", "改写到一半的违约责任条款",
                "version", String.valueOf(api(r.rep(), id).get("version").asLong())))
                .as("a heading too long: refused").hasStatus3xxRedirection();
        String refusedClause = page(rep, path, "zh-CN");
        assertThat(refusedClause).contains("id=\"flash-error\"");
        String clause = refusedClause.substring(refusedClause.indexOf("id=\"clause-LIABILITY\""));
        assertThat(clause.substring(0, clause.indexOf("</form>"))).as("the rewrite comes back as typed, its form open")
                .contains("改写到一半的违约责任条款", overlong, " open");
        assertThat(api(r.rep(), id).at("/sections/7/body").asString()).doesNotContain("改写到一半");
        detail = page(rep, path, "zh-CN");
        assertThat(detail).doesNotContain("改写到一半的违约责任条款");
        assertThat(detail).contains("与模板不同", "<del class=\"text-danger\">二</del>", "<ins class=\"text-success\">三</ins>")
                .doesNotContain("{{buyer.taxId}}");
        // the timeline names the clause rewritten by its heading, not its key in code
        String timeline = detail.substring(detail.indexOf("id=\"contract-timeline\""));
        assertThat(timeline).contains("修改条款 违约责任").doesNotContain("LIABILITY");

        assertThat(post(rep, path + "/submit", "version", String.valueOf(api(r.rep(), id).get("version").asLong())))
                .hasStatus3xxRedirection();
        assertThat(api(r.rep(), id).get("status").asString()).isEqualTo("IN_REVIEW");
        assertThat(page(rep, path, "zh-CN")).contains("评审中", "第 1 轮评审").doesNotContain("review-form");

        for (Object[] reviewer : new Object[][] {{r.lawyer(), "LEGAL"}, {r.finance(), "FINANCE"}, {r.operations(), "OPERATIONS"}}) {
            Cookie session = customers.session(mvc, (User) reviewer[0]);
            assertThat(page(session, "/contracts/panel", "zh-CN")).as("the reviewer's home panel").contains(draft.get("number").asString());
            String theirs = page(session, path, "en");
            assertThat(theirs).contains("review-" + reviewer[1]).containsOnlyOnce("review-form");
            assertThat(post(session, path + "/reviews/" + reviewer[1], "verdict", "PASS", "comment", "同意",
                    "remarkSection", "LIABILITY", "remarkText", "请补充违约金比例")).hasStatus3xxRedirection();
        }
        // a remark names its clause by the heading this contract gives it, never by the clause's code
        assertThat(page(rep, path, "en")).contains("违约责任: 请补充违约金比例").doesNotContain("LIABILITY：", "LIABILITY:");
        assertThat(page(rep, path, "zh-CN")).contains("违约责任：请补充违约金比例").doesNotContain("LIABILITY：");
        assertThat(api(r.rep(), id).get("status").asString()).isEqualTo("FINAL_APPROVAL");
        // the timeline names each reviewing department as the review panel does, never by its code
        assertThat(page(rep, path, "en")).contains("Legal passed", "Finance passed", "Operations passed")
                .doesNotContain("LEGAL passed", "FINANCE passed", "OPERATIONS passed");
        assertThat(page(rep, path, "zh-CN")).contains("法务评审通过", "财务评审通过", "运营评审通过")
                .doesNotContain("LEGAL评审", "FINANCE评审", "OPERATIONS评审");
        for (User approver : new User[] {r.manager(), r.legalHead()}) {
            Cookie session = customers.session(mvc, approver);
            assertThat(page(session, path, "zh-CN")).contains("approve-contract");
            assertThat(post(session, path + "/decision", "decision", "APPROVE")).hasStatus3xxRedirection();
        }
        assertThat(api(r.rep(), id).get("status").asString()).isEqualTo("APPROVED");
        assertThat(page(rep, path, "en")).as("the timeline names the approval step").contains("Approved in Final approval (K2)")
                .doesNotContain("FINAL_APPROVAL");

        for (String lang : new String[] {"en", "zh-CN"}) {
            for (MockMultipartFile wrongScan : new MockMultipartFile[] {
                    new MockMultipartFile("scan", "签署版.pdf", "application/pdf", TestFiles.executable()),
                    new MockMultipartFile("scan", "签署版.pdf", "application/pdf", new byte[0])}) {
                MvcTestResult upload = mvc.post().uri(path + "/signing").multipart().file(wrongScan)
                        .param("signedOn", "2026-12-01").param("signatories", "甲方：王经理；乙方：张伟")
                        .param("version", String.valueOf(api(r.rep(), id).get("version").asLong()))
                        .cookie(rep).with(SecurityMockMvcRequestPostProcessors.csrf()).exchange();
                assertThat(upload).hasStatus3xxRedirection();
                String again = page(rep, path, lang);
                assertThat(again).as("refused, " + lang).contains("id=\"flash-error\"", "sign-form");
                assertThat(FormHtml.inputValue(again, "signedOn")).as("the day typed is kept, " + lang).isEqualTo("2026-12-01");
                assertThat(FormHtml.inputValue(again, "signatories")).as("the signatories typed are kept, " + lang)
                        .isEqualTo("甲方：王经理；乙方：张伟");
            }
        }
        assertThat(FormHtml.inputValue(page(rep, path, "en"), "signatories")).as("given back once, not for good").isEmpty();
        MvcTestResult cutShort = mvc.post().uri(path + "/signing").multipart()
                .file(new MockMultipartFile("scan", "签署版.png", "image/png", TestFiles.cut(TestFiles.png(), 200)))
                .param("signedOn", "2026-12-01").param("signatories", "甲方：王经理；乙方：张伟")
                .param("version", String.valueOf(api(r.rep(), id).get("version").asLong()))
                .cookie(rep).with(SecurityMockMvcRequestPostProcessors.csrf()).exchange();
        assertThat(cutShort).as("a scan cut short: back to the page, which says why").hasStatus3xxRedirection()
                .flash().containsEntry("flashError", "files.truncated");
        assertThat(api(r.rep(), id).get("status").asString()).isEqualTo("APPROVED");

        MvcTestResult signed = mvc.post().uri(path + "/signing").multipart()
                .file(new MockMultipartFile("scan", "签署版.pdf", "application/pdf", TestFiles.signedScan()))
                .param("signedOn", "2026-12-01").param("signatories", "甲方：王经理；乙方：张伟")
                .param("version", String.valueOf(api(r.rep(), id).get("version").asLong()))
                .cookie(rep).with(SecurityMockMvcRequestPostProcessors.csrf()).exchange();
        assertThat(signed).hasStatus3xxRedirection();
        assertThat(api(r.rep(), id).get("status").asString()).isEqualTo("SIGNED");
        detail = page(rep, path, "zh-CN");
        assertThat(detail).contains("签署扫描件", "archive-form");
        assertThat(detail).as("the scan's size as every file list writes it (FileSizeText)").contains("签署扫描件 · 4.0 KiB");
        assertThat(detail).as("the rep's page loads the cards of orders, invoices and plans")
                .contains("/orders/contracts/" + id + "/panel", "/invoices/contracts/" + id + "/panel",
                        "/receivables/contracts/" + id + "/panel");
        for (User reviewer : new User[] {r.lawyer(), r.operations()}) {
            Cookie session = customers.session(mvc, reviewer);
            assertThat(mvc.get().uri("/invoices/contracts/" + id + "/panel").cookie(session).exchange())
                    .as("the invoices card's route refuses them").hasStatus(403);
            assertThat(page(session, path, "en")).as("so their page does not load it, nor the plans'")
                    .doesNotContain("/invoices/contracts/" + id + "/panel", "/receivables/contracts/" + id + "/panel");
        }
        assertThat(page(customers.session(mvc, r.lawyer()), path, "en")).doesNotContain("/orders/contracts/" + id + "/panel");
        String scanId = fileOf(r.rep(), id, "SIGNED_SCAN");
        MvcTestResult download = mvc.get().uri(path + "/files/" + scanId).cookie(rep).exchange();
        assertThat(download).hasStatusOk();
        assertThat(download.getResponse().getContentType()).isEqualTo("application/pdf");
        assertThat(mvc.get().uri(path + "/files/" + scanId).cookie(customers.session(mvc, r.otherRep())).exchange())
                .as("another team's rep: no such contract").hasStatus(404);

        assertThat(detail).as("signed: the rep alone no longer terminates it (0046)").doesNotContain("terminate-form");
        assertThat(page(customers.session(mvc, r.manager()), path, "en")).as("the owner's manager does")
                .contains("terminate-form");
        assertThat(post(rep, path + "/archive", "location", "  ",
                "version", String.valueOf(api(r.rep(), id).get("version").asLong())))
                .as("K4: where the paper original is kept").hasStatus3xxRedirection()
                .flash().containsEntry("flashError", "contract.archive.location.required");
        assertThat(api(r.rep(), id).get("status").asString()).isEqualTo("SIGNED");
        assertThat(post(rep, path + "/archive", "location", "档案室 B-2",
                "version", String.valueOf(api(r.rep(), id).get("version").asLong()))).hasStatus3xxRedirection();
        assertThat(page(rep, path, "en")).contains("Archived", "档案室 B-2");
        assertThat(customers.getJson(mvc, support.bearer(mvc, r.rep()), "/api/v1/opportunities/" + deal.opportunityId())
                .get("stage").asString()).isEqualTo("WON");

        assertThat(page(rep, "/contracts", "zh-CN")).contains(draft.get("number").asString(), "已归档");
        assertThat(page(rep, "/contracts?status=ARCHIVED", "en")).contains(draft.get("number").asString());
        assertThat(page(rep, "/contracts?status=DRAFT", "en")).doesNotContain(draft.get("number").asString());
        assertThat(page(rep, "/contracts?signed=true", "en")).as("signed, archived ones with them")
                .contains(draft.get("number").asString());
    }

    @Test
    void aRefusedAmendmentArchiveOrTerminationComesBackWithWhatWasTypedItsFormOpen() {
        Reviewers r = signers();
        JsonNode contract = signedContracts.sign(mvc, r, "苏州补充协议科技有限公司", "300000.00", """
                {"type":"PREPAYMENT","amount":300000.00,"dueDate":"2026-12-20"}""", "2026-12-01");
        String id = contract.get("id").asString();
        String path = "/contracts/" + id;
        Cookie rep = customers.session(mvc, r.rep());

        assertThat(page(rep, path, "en")).as("closed at first").doesNotContainPattern("<details[^>]*id=\"amend\"[^>]*open");
        MvcTestResult amend = mvc.post().uri(path + "/amendments?lang=zh-CN").multipart()
                .file(new MockMultipartFile("scan", "补充协议.pdf", "application/pdf", TestFiles.signedScan()))
                .param("title", "补充协议一：减少采购数量").param("summary", "甲方减少网关 10 台，总价相应调减。\n其余条款不变。")
                .param("amountChange", "-300000.00").param("signedOn", "2026-12-01")
                .cookie(rep).with(SecurityMockMvcRequestPostProcessors.csrf()).exchange();
        assertThat(amend).as("an amendment bringing the amount to zero: the page again").hasStatus(422);
        assertThat(amend).flash().isEmpty();
        String again = body(amend);
        assertThat(again).as("the amendment's form open").containsPattern("<details[^>]*id=\"amend\"[^>]*open");
        assertThat(FormHtml.inputValue(again, "amend-title")).isEqualTo("补充协议一：减少采购数量");
        assertThat(FormHtml.textareaText(again, "amend-summary")).isEqualTo("甲方减少网关 10 台，总价相应调减。\n其余条款不变。");
        assertThat(FormHtml.inputValue(again, "amend-amountChange")).isEqualTo("-300000.00");
        assertThat(FormHtml.inputValue(again, "amend-signedOn")).isEqualTo("2026-12-01");
        assertThat(tag(again, "input", "amend-amountChange")).as("the amount marked").contains("is-invalid");
        assertThat(tag(again, "input", "amend-title")).as("the title not").doesNotContain("is-invalid");
        assertThat(FormHtml.errorText(again, "amend-amountChange-error")).isEqualTo("变更后合同金额须大于 0。");
        assertThat(again).doesNotContain("id=\"flash-error\"", "id=\"amend-problems\"");
        assertThat(FormHtml.inputValue(page(rep, path, "en"), "amend-title")).as("given back once").isEmpty();
        // walk finding: an amount that could not be read was a bare flash "无法识别该值的格式。" naming no field
        MvcTestResult unreadable = mvc.post().uri(path + "/amendments?lang=en").multipart()
                .file(new MockMultipartFile("scan", "补充协议.pdf", "application/pdf", TestFiles.signedScan()))
                .param("title", "补充协议二").param("amountChange", "abc").param("signedOn", "2026-12-01")
                .cookie(rep).with(SecurityMockMvcRequestPostProcessors.csrf()).exchange();
        assertThat(unreadable).hasStatus(422);
        String unread = body(unreadable);
        assertThat(tag(unread, "input", "amend-amountChange")).contains("is-invalid");
        assertThat(FormHtml.inputValue(unread, "amend-amountChange")).as("as typed").isEqualTo("abc");
        assertThat(FormHtml.inputValue(unread, "amend-title")).isEqualTo("补充协议二");
        assertThat(FormHtml.errorText(unread, "amend-amountChange-error")).isEqualTo("This value is not in a form that can be read.");
        assertThat(unread).doesNotContain("id=\"flash-error\"", "id=\"amend-problems\"", "id=\"amend-scan-error\"");
        // walk finding: a lowering with three decimals was refused as "an amount above 0", a blank title as the contract's
        MvcTestResult thirdDecimal = mvc.post().uri(path + "/amendments?lang=zh-CN").multipart()
                .file(new MockMultipartFile("scan", "补充协议.pdf", "application/pdf", TestFiles.signedScan()))
                .param("title", " ").param("summary", "调减").param("amountChange", "-100.001")
                .param("signedOn", "2026-12-01")
                .cookie(rep).with(SecurityMockMvcRequestPostProcessors.csrf()).exchange();
        assertThat(thirdDecimal).hasStatus(422);
        String refusedBoth = body(thirdDecimal);
        assertThat(FormHtml.errorText(refusedBoth, "amend-amountChange-error"))
                .isEqualTo("请输入合同金额的变更额，最多两位小数：调减为负数，不变则填 0 或留空。");
        assertThat(FormHtml.errorText(refusedBoth, "amend-title-error")).isEqualTo("请填写补充协议名称（最多 200 个字符）。");
        assertThat(customers.getJson(mvc, support.bearer(mvc, r.rep()), "/api/v1/contracts/" + id + "/amendments").size())
                .as("nothing recorded").isZero();

        long version = api(r.rep(), id).get("version").asLong();
        assertThat(post(rep, path + "/archive", "location", "档案室 B-2 第三柜", "version", String.valueOf(version + 1)))
                .as("archived by someone else meanwhile").hasStatus3xxRedirection()
                .flash().containsEntry("flashError", "error.staleVersion");
        assertThat(FormHtml.inputValue(page(rep, path, "en"), "location")).isEqualTo("档案室 B-2 第三柜");
        assertThat(FormHtml.inputValue(page(rep, path, "en"), "location")).as("given back once").isEmpty();

        Cookie manager = customers.session(mvc, r.manager());
        MvcTestResult early = post(manager, path + "/termination", "reason", "客户资金链断裂，双方协商终止。",
                "effectiveOn", "2026-11-20", "version", String.valueOf(version));
        assertThat(early).as("effective before the signing: the page again").hasStatus(422);
        assertThat(early).flash().isEmpty();
        String terminate = body(early);
        assertThat(terminate).as("the termination's form open").containsPattern("<details[^>]*id=\"terminate\"[^>]*open");
        assertThat(FormHtml.textareaText(terminate, "terminate-reason")).isEqualTo("客户资金链断裂，双方协商终止。");
        assertThat(FormHtml.inputValue(terminate, "terminate-effectiveOn")).isEqualTo("2026-11-20");
        assertThat(tag(terminate, "input", "terminate-effectiveOn")).as("the day marked").contains("is-invalid");
        assertThat(tag(terminate, "textarea", "terminate-reason")).as("the reason not").doesNotContain("is-invalid");
        assertThat(terminate).as("the day's refusal beside the day, the reason's field without one")
                .contains("id=\"terminate-effectiveOn-error\"").doesNotContain("id=\"terminate-reason-error\"")
                .doesNotContain("id=\"flash-error\"");
        assertThat(FormHtml.errorText(terminate, "terminate-effectiveOn-error")).contains("2026-12-01");
        assertThat(FormHtml.textareaText(page(manager, path, "en"), "terminate-reason")).as("given back once").isEmpty();
        // walk finding: no reason and a day before 1900 (the picker bypassed) named the day only; both now, each
        // beside its own field
        MvcTestResult refused = mvc.post().uri(path + "/termination?lang=en").cookie(manager)
                .with(SecurityMockMvcRequestPostProcessors.csrf()).param("reason", "").param("effectiveOn", "1800-01-01")
                .param("version", String.valueOf(version)).exchange();
        assertThat(refused).as("no reason, a day out of range").hasStatus(422);
        String both = body(refused);
        assertThat(FormHtml.errorText(both, "terminate-reason-error")).startsWith("Give the reason (at most")
                .doesNotContain("The date must lie between");
        assertThat(FormHtml.errorText(both, "terminate-effectiveOn-error")).startsWith("The date must lie between")
                .doesNotContain("Give the reason");
        assertThat(tag(both, "textarea", "terminate-reason")).contains("is-invalid");
        assertThat(tag(both, "input", "terminate-effectiveOn")).contains("is-invalid");
        assertThat(both).doesNotContain("id=\"flash-error\"", "id=\"terminate-problems\"");
        assertThat(FormHtml.inputValue(both, "terminate-effectiveOn")).isEqualTo("1800-01-01");
        assertThat(api(r.rep(), id).get("status").asString()).isEqualTo("SIGNED");
        // a refusal of no field of the form (another changed the contract first) stays the page's message
        assertThat(post(manager, path + "/termination", "reason", "客户资金链断裂，双方协商终止。", "effectiveOn", "2026-12-10",
                "version", String.valueOf(version + 1))).hasStatus3xxRedirection()
                .flash().containsEntry("flashError", "error.staleVersion");
        assertThat(FormHtml.textareaText(page(manager, path, "en"), "terminate-reason")).as("given back")
                .isEqualTo("客户资金链断裂，双方协商终止。");
    }

    /** The opening tag of the page's element of that id. */
    private static String tag(String html, String element, String id) {
        var tag = java.util.regex.Pattern.compile("<" + element + "\\b[^>]*\\bid=\"" + id + "\"[^>]*>").matcher(html);
        assertThat(tag.find()).as(element + " #" + id).isTrue();
        return tag.group();
    }

    @Test
    void refusedTermsAReviewAndADecisionComeBackWithWhatWasTyped() {
        Reviewers r = signers();
        String token = support.bearer(mvc, r.rep());
        String opportunity = support.opportunityAtContractStage(mvc, r, "苏州条款表单科技有限公司", "100000");
        JsonNode draft = support.complete(mvc, token, support.draft(mvc, token, opportunity, "100000", "LOW").get("id").asString());
        String id = draft.get("id").asString();
        String path = "/contracts/" + id;
        Cookie rep = customers.session(mvc, r.rep());

        assertThat(post(rep, path + "/terms", "title", "园区网关采购合同（修订）", "amount", "100000.00", "riskLevel", "MEDIUM",
                "termStart", "2026-12-05", "termEnd", "2027-12-04", "buyerName", "苏州条款表单科技有限公司",
                "buyerTaxId", "91330100716105852X", "buyerAddress", "苏州市工业园区星湖街 2 号", "buyerRepresentative", "李经理",
                "milestones[0].type", "PREPAYMENT", "milestones[0].amount", "30000.00", "milestones[0].dueCondition", "合同签订后 10 日内",
                "milestones[1].type", "ACCEPTANCE", "milestones[1].amount", "70000.00", "milestones[1].dueCondition", "验收合格后 15 日内",
                "milestones[2].type", "", "milestones[2].amount", "", "milestones[2].dueDate", "", "milestones[2].dueCondition", "",
                "version", draft.get("version").asString()))
                .as("a tax id mistyped").hasStatus3xxRedirection().flash().containsEntry("flashError", "uscc.invalid.checkDigit");
        String terms = page(rep, path, "en");
        assertThat(terms).as("the terms' form open").containsPattern("<details[^>]*id=\"terms-edit\"[^>]*open");
        assertThat(FormHtml.inputValue(terms, "t-title")).isEqualTo("园区网关采购合同（修订）");
        assertThat(FormHtml.selected(terms, "t-risk")).isEqualTo("MEDIUM");
        assertThat(FormHtml.inputValue(terms, "t-start")).isEqualTo("2026-12-05");
        assertThat(FormHtml.inputValue(terms, "t-tax")).isEqualTo("91330100716105852X");
        assertThat(FormHtml.inputValue(terms, "t-address")).isEqualTo("苏州市工业园区星湖街 2 号");
        assertThat(FormHtml.inputValue(terms, "t-rep")).isEqualTo("李经理");
        String rows = terms.substring(terms.indexOf("id=\"terms-form\""), terms.indexOf("id=\"save-terms\""));
        assertThat(rows).as("the milestone rows typed").contains("value=\"30000.00\"", "合同签订后 10 日内", "验收合格后 15 日内")
                .doesNotContain("value=\"50000.00\"");
        assertThat(FormHtml.inputValue(page(rep, path, "en"), "t-tax")).as("given back once").isEqualTo("91330100716105852F");
        // a day past the years a record can have (the picker bypassed): flashed on the page, the terms given back
        assertThat(post(rep, path + "/terms", "title", "园区网关采购合同（远期）", "amount", "100000.00", "riskLevel", "LOW",
                "termStart", "2026-12-05", "termEnd", "9999-01-01", "version", draft.get("version").asString()))
                .hasStatus3xxRedirection().flash().containsEntry("flashError", "error.input.dateOutOfRange");
        terms = page(rep, path, "en");
        assertThat(terms).contains("The date must lie between 1900-01-01 and 2199-12-31.")
                .doesNotContain("id=\"error-detail\"");
        assertThat(FormHtml.inputValue(terms, "t-end")).isEqualTo("9999-01-01");
        assertThat(FormHtml.inputValue(terms, "t-title")).isEqualTo("园区网关采购合同（远期）");
        // the draft form: the title beside its field, the amount typed kept
        MvcTestResult drafted = post(rep, "/contracts", "opportunityId", opportunity, "title", "合同\u0000标题", "amount", "100000");
        assertThat(drafted).hasStatusOk();
        assertThat(body(drafted)).contains("The text contains a control character").doesNotContain("id=\"error-detail\"");
        assertThat(FormHtml.inputValue(body(drafted), "amount")).isEqualTo("100000");
        Cookie otherRep = customers.session(mvc, r.otherRep());
        for (String other : new String[] {path, "/contracts/" + java.util.UUID.randomUUID()}) {
            MvcTestResult unseen = post(otherRep, other + "/terms", "title", "他队改写", "version", draft.get("version").asString());
            assertThat(unseen).as("another team's contract, or none: the 404 page, as its page").hasStatus(404);
            assertThat(unseen).flash().isEmpty();
        }
        assertThat(api(r.rep(), id).get("version").asLong()).isEqualTo(draft.get("version").asLong());

        assertThat(support.post(mvc, token, "/api/v1/contracts/" + id + "/submit",
                "{\"version\":" + api(r.rep(), id).get("version").asLong() + "}")).hasStatusOk();
        Cookie lawyer = customers.session(mvc, r.lawyer());
        assertThat(post(lawyer, path + "/reviews/LEGAL", "verdict", "OBJECT", "comment", "", "remarkSection", "LIABILITY",
                "remarkText", "违约金比例过高，建议降至百分之十")).as("an objection without its comment")
                .hasStatus3xxRedirection().flash().containsEntry("flashError", "approval.comment.required");
        String review = page(lawyer, path, "zh-CN");
        assertThat(FormHtml.selected(review, "review-section-LEGAL")).as("the clause chosen").isEqualTo("LIABILITY");
        assertThat(FormHtml.inputValue(review, "review-remark-LEGAL")).isEqualTo("违约金比例过高，建议降至百分之十");
        assertThat(FormHtml.inputValue(page(lawyer, path, "en"), "review-remark-LEGAL")).as("given back once").isEmpty();
        // a clause the contract does not have, as a form posted by hand names it: refused, no verdict given (LEGAL passes below)
        assertThat(post(lawyer, path + "/reviews/LEGAL", "verdict", "OBJECT", "comment", "见批注", "remarkSection", "NOPE",
                "remarkText", "x")).hasStatus3xxRedirection().flash()
                .containsEntry("flashError", "contract.review.remark.noSuchClause");
        assertThat(page(lawyer, path, "en")).contains("This contract has no clause NOPE").doesNotContain("NOPE: x");

        for (Object[] reviewer : new Object[][] {{r.lawyer(), "LEGAL"}, {r.finance(), "FINANCE"}, {r.operations(), "OPERATIONS"}}) {
            assertThat(support.post(mvc, support.bearer(mvc, (User) reviewer[0]), "/api/v1/contracts/" + id + "/reviews/"
                    + reviewer[1], "{\"verdict\":\"PASS\"}")).hasStatusOk();
        }
        Cookie manager = customers.session(mvc, r.manager());
        String longComment = "请补充交付计划：" + "分批到货的时间与数量须逐批写明。".repeat(130);
        assertThat(post(manager, path + "/decision", "decision", "SEND_BACK", "comment", longComment))
                .as("a comment longer than a decision keeps").hasStatus3xxRedirection()
                .flash().containsEntry("flashError", "approval.comment.tooLong");
        assertThat(FormHtml.textareaText(page(manager, path, "en"), "decision-comment")).isEqualTo(longComment);
        assertThat(FormHtml.textareaText(page(manager, path, "en"), "decision-comment")).as("given back once").isEmpty();
        assertThat(api(r.rep(), id).get("status").asString()).isEqualTo("FINAL_APPROVAL");
    }

    @Test
    void theContractListExportsAsFilteredInTheReadersScopeWithFormulasNeutralised() throws Exception {
        Reviewers r = support.reviewers("cexp");
        Reviewers otherTeam = support.reviewers("cexp2");
        String token = support.bearer(mvc, r.rep());
        String formula = "=SUM(1+1)嘉兴合同导出";
        JsonNode titled = support.json(support.post(mvc, token, "/api/v1/contracts", """
                {"opportunityId":"%s","title":"%s","amount":120000.50,"riskLevel":"LOW"}""".formatted(
                support.opportunityAtContractStage(mvc, r, "嘉兴合同导出科技有限公司", "120000.50"), formula)));
        support.draft(mvc, token, support.opportunityAtContractStage(mvc, r, "湖州合同导出科技有限公司", "100000"), "100000", "LOW");
        support.draft(mvc, support.bearer(mvc, otherTeam.rep()),
                support.opportunityAtContractStage(mvc, otherTeam, "绍兴合同导出科技有限公司", "100000"), "100000", "LOW");
        Cookie rep = customers.session(mvc, r.rep());
        assertThat(page(rep, "/contracts?q=合同导出&status=DRAFT", "en")).as("the button takes the filters")
                .contains("id=\"export-contracts\"", "/contracts/export.xlsx?status=DRAFT&amp;q=%E5%90%88");

        var both = ExportedWorkbook.rows(mvc, rep, "/contracts/export.xlsx?q=合同导出&lang=zh-CN");
        assertThat(both.get(0).getCellText(0)).as("headers in the reader's language").isEqualTo("合同编号");
        assertThat(both.subList(1, both.size())).as("the rep's two drafts, not the other team's")
                .extracting(row -> row.getCellText(2))
                .containsExactlyInAnyOrder("嘉兴合同导出科技有限公司", "湖州合同导出科技有限公司");
        byte[] oneFile = ExportedWorkbook.file(mvc, rep, "/contracts/export.xlsx?q=嘉兴合同导出&status=DRAFT&lang=zh-CN");
        var one = com.lead2cash.testing.SpreadsheetCells.rows(oneFile);
        assertThat(one).as("the search and the status applied").hasSize(2);
        assertThat(one.get(1).getCellText(0)).isEqualTo(titled.get("number").asString());
        com.lead2cash.testing.SpreadsheetCells.assertKeptAsText(oneFile, one.get(1).getCell(1), formula); // a title typed as a formula stays text
        assertThat(one.get(1).getCellText(3)).isEqualTo("草拟");
        assertThat(one.get(1).getCellAsNumber(6)).as("the amount a number")
                .hasValueSatisfying(n -> assertThat(n).isEqualByComparingTo("120000.50"));
        assertThat(ExportedWorkbook.rows(mvc, rep, "/contracts/export.xlsx?q=合同导出&status=SIGNED")).as("none signed").hasSize(1);
        var other = ExportedWorkbook.rows(mvc, customers.session(mvc, otherTeam.rep()), "/contracts/export.xlsx?q=合同导出");
        assertThat(other.subList(1, other.size())).extracting(row -> row.getCellText(2)).as("the other team: their own only")
                .containsExactly("绍兴合同导出科技有限公司");

        assertThat(jdbc.sql("""
                select detail from platform_audit_event where action = 'EXPORT' and entity_type = 'Contract'
                and actor_name = :u order by id limit 1""").param("u", r.rep().username()).query(String.class).single())
                .as("a message key and its arguments, said in the reader's language on the audit screen")
                .isEqualTo(String.join("\n", "contract.audit.exported", "2", "contract.filter.anyStatus",
                        "contract.audit.anyone", "合同导出"));
    }

    /**
     * Walk finding: a term ending before it starts and milestones a fen short named the term only on the draft form;
     * both are shown beside their fields at once, nothing drafted.
     */
    @Test
    void theDraftFormShowsATermInTheWrongOrderAndMilestonesAFenShortTogether() {
        Reviewers r = support.reviewers("callerr");
        String opportunity = support.opportunityAtContractStage(mvc, r, "苏州齐错科技有限公司", "100000");
        Cookie rep = customers.session(mvc, r.rep());

        MvcTestResult refused = post(rep, "/contracts", "opportunityId", opportunity, "title", "园区网关采购合同",
                "amount", "100000.00", "riskLevel", "LOW", "termStart", "2027-11-30", "termEnd", "2026-12-01",
                "milestones[0].type", "PREPAYMENT", "milestones[0].amount", "99999.99",
                "milestones[0].dueCondition", "合同签订后 7 日内", "lang", "en");
        assertThat(refused).hasStatusOk();
        String form = body(refused);
        assertThat(form).contains("The term cannot end before it starts.", "The milestones add up to");
        assertThat(customers.getJson(mvc, support.bearer(mvc, r.rep()), "/api/v1/contracts").get("items").size())
                .as("nothing drafted").isZero();
    }

    @Autowired com.lead2cash.testing.SalesTestSupport sales;

    @Test
    void theDraftFormIsNotOfferedBeforeTheContractStageNorOpenedThen() {
        Reviewers r = support.reviewers("cearly");
        String rep = support.bearer(mvc, r.rep());
        String customer = sales.customerWithContact(r.rep(), "苏州早拟科技有限公司", "王经理", "wang@example.test");
        String opportunity = sales.opportunity(mvc, rep, customer, "苏州早拟科技有限公司 项目", "100000").get("id").asString();
        sales.qualify(mvc, r.team(), opportunity);
        sales.move(mvc, rep, opportunity, "PROPOSAL");
        sales.move(mvc, rep, opportunity, "NEGOTIATION");
        Cookie session = customers.session(mvc, r.rep());

        assertThat(page(session, "/opportunities/" + opportunity + "/contract", "zh-CN"))
                .as("no draft offered in negotiation").doesNotContain("draft-contract", "/contracts/new");
        MvcTestResult early = mvc.get().uri("/contracts/new?opportunityId=" + opportunity + "&lang=zh-CN").cookie(session)
                .header("Accept-Language", "zh-CN").exchange();
        assertThat(early).as("the form is not opened to be refused on Save").hasStatus(422);
        assertThat(body(early)).contains("尚未进入合同阶段").doesNotContain("name=\"milestones[0].type\"");

        sales.move(mvc, rep, opportunity, "CONTRACT");
        assertThat(page(session, "/opportunities/" + opportunity + "/contract", "zh-CN")).contains("draft-contract");
        assertThat(page(session, "/contracts/new?opportunityId=" + opportunity, "zh-CN")).contains("name=\"milestones[0].type\"");
    }

    @Test
    void aRefusedDraftFormComesBackWithTheMilestoneRowsItHadNotOneMore() {
        Reviewers r = support.reviewers("crows");
        String opportunity = support.opportunityAtContractStage(mvc, r, "苏州行数科技有限公司", "100000");
        Cookie rep = customers.session(mvc, r.rep());
        String form = page(rep, "/contracts/new?opportunityId=" + opportunity, "zh-CN");
        int had = milestoneRows(form);
        assertThat(had).isEqualTo(5);
        for (int attempt = 0; attempt < 2; attempt++) {
            java.util.List<String> params = new java.util.ArrayList<>(java.util.List.of("opportunityId", opportunity,
                    "title", "园区网关采购合同", "amount", "一万", "lang", "zh-CN"));
            for (int i = 0; i < had; i++) {
                String at = "milestones[" + i + "].";
                params.addAll(java.util.List.of(at + "type", i == 1 ? "PREPAYMENT" : "", at + "amount", i == 1 ? "3000" : "",
                        at + "dueDate", "", at + "dueCondition", ""));
            }
            MvcTestResult refused = post(rep, "/contracts", params.toArray(String[]::new));
            assertThat(refused).hasStatusOk();
            String back = body(refused);
            assertThat(back).contains("is-invalid");
            assertThat(milestoneRows(back)).as("refusal " + (attempt + 1) + ": the rows the form had").isEqualTo(had);
            assertThat(back).as("the row written, kept").contains("name=\"milestones[0].amount\" value=\"3000\"");
        }
    }

    private static int milestoneRows(String html) {
        return html.split("\\]\\.type\"", -1).length - 1;
    }

    @Test
    void theDraftFormsTitleIsTheOneProposedAtFirstAndWhatWasTypedAfterARefusalNeverThePageHeading() {
        Reviewers r = support.reviewers("ctitle");
        String opportunity = support.opportunityAtContractStage(mvc, r, "苏州标题科技有限公司", "100000");
        Cookie rep = customers.session(mvc, r.rep());
        for (String[] lang : new String[][] {{"en", "Draft contract"}, {"zh-CN", "拟定合同"}}) {
            String form = page(rep, "/contracts/new?opportunityId=" + opportunity, lang[0]);
            assertThat(FormHtml.inputValue(form, "title")).as("the opportunity's name, proposed " + lang[0])
                    .isEqualTo("苏州标题科技有限公司 项目");

            MvcTestResult refused = post(rep, "/contracts", "opportunityId", opportunity, "title", "园区网关采购合同",
                    "amount", "一万", "lang", lang[0]);
            assertThat(refused).as("an unreadable amount is shown on the form").hasStatusOk();
            assertThat(FormHtml.inputValue(body(refused), "title")).as("what was typed, " + lang[0]).isEqualTo("园区网关采购合同");

            MvcTestResult blank = post(rep, "/contracts", "opportunityId", opportunity, "title", "", "amount", "一万",
                    "lang", lang[0]);
            assertThat(FormHtml.inputValue(body(blank), "title")).as("a title left blank stays blank, " + lang[0])
                    .isEmpty();
            assertThat(body(blank)).as("the heading is still the page's").contains("<title>" + lang[1] + " · Lead2Cash</title>");
        }
    }

    @Autowired com.lead2cash.sop.Deadlines deadlines;

    @Test
    void theDeadlinesPageLinksAContractOnlyForAReaderWhoMayOpenIt() {
        Reviewers r = support.reviewers("cdl");
        String token = support.bearer(mvc, r.rep());
        JsonNode submitted = support.complete(mvc, token, support.draft(mvc, token,
                support.opportunityAtContractStage(mvc, r, "深圳期限甲科技有限公司", "100000"), "100000", "LOW")
                .get("id").asString());
        assertThat(support.post(mvc, token, "/api/v1/contracts/" + submitted.get("id").asString() + "/submit",
                "{\"version\":" + submitted.get("version").asLong() + "}")).hasStatusOk();
        JsonNode draft = support.draft(mvc, token,
                support.opportunityAtContractStage(mvc, r, "深圳期限乙科技有限公司", "100000"), "100000", "LOW");
        String a = submitted.get("id").asString();
        String b = draft.get("id").asString();
        String labelA = submitted.get("number").asString() + " 工业网关采购合同";
        String labelB = draft.get("number").asString() + " 工业网关采购合同";
        User teamRep = r.team().company().eastRep2();
        // the list shows the deadlines of owners in the reader's scope; who owns the contract decides the link
        deadlines.recordMet("K3", com.lead2cash.sop.SubjectRef.of("Contract", a), r.rep().id(), clock.instant());
        deadlines.recordMet("K3", com.lead2cash.sop.SubjectRef.of("Contract", b), r.rep().id(), clock.instant());
        deadlines.recordMet("K3", com.lead2cash.sop.SubjectRef.of("Contract", a), teamRep.id(), clock.instant());
        deadlines.recordMet("K4", com.lead2cash.sop.SubjectRef.of("Contract", a), r.lawyer().id(), clock.instant());
        deadlines.recordMet("K4", com.lead2cash.sop.SubjectRef.of("Contract", b), r.lawyer().id(), clock.instant());

        assertThat(page(customers.session(mvc, r.rep()), "/deadlines", "en")).as("the owner")
                .contains(labelA, "href=\"/contracts/" + a + "\"", labelB, "href=\"/contracts/" + b + "\"");
        assertThat(page(customers.session(mvc, r.manager()), "/deadlines?scope=team", "en")).as("the owner's manager")
                .contains(labelA, "href=\"/contracts/" + a + "\"", labelB, "href=\"/contracts/" + b + "\"");
        assertThat(page(customers.session(mvc, teamRep), "/deadlines", "en")).as("a colleague: their deadline, not their contract")
                .contains(labelA).doesNotContain("href=\"/contracts/" + a + "\"", labelB);
        assertThat(page(customers.session(mvc, r.lawyer()), "/deadlines", "en"))
                .as("legal opens a submitted contract, not a draft").contains(labelA, "href=\"/contracts/" + a + "\"", labelB)
                .doesNotContain("href=\"/contracts/" + b + "\"");
        assertThat(page(customers.session(mvc, r.otherRep()), "/deadlines?scope=team", "en"))
                .as("another team's rep: no entry at all").doesNotContain(labelA, labelB);
    }

    @Test
    void anOpportunitysPageShowsTechSupportNeitherTheQuotesNorTheContractCardNorACustomerLinkItsRolesCannotOpen() {
        Reviewers r = support.reviewers("ocards");
        String opportunity = support.opportunityAtContractStage(mvc, r, "无锡卡片科技有限公司", "100000");
        String quotes = "hx-get=\"/opportunities/" + opportunity + "/quotes\"";
        String contract = "hx-get=\"/opportunities/" + opportunity + "/contract\"";

        Cookie tech = customers.session(mvc, r.team().tech());
        String techPage = page(tech, "/opportunities/" + opportunity, "en");
        assertThat(techPage).as("the invited evaluator reads the page, its evaluation and the customer's name")
                .contains("id=\"evaluation\"", "无锡卡片科技有限公司")
                .doesNotContain(quotes, contract, "id=\"opportunity-quotes\"", "id=\"opportunity-contract\"",
                        "href=\"/customers/");
        // the customer module tells tech support no customer: the header leaves it out, no empty link, no "· ·"
        assertThat(techPage).doesNotContain("href=\"\"", "id=\"opportunity-customer\"").doesNotContainPattern("·\\s*·");
        // what the cards and the link would have loaded: refused to tech support
        assertThat(mvc.get().uri("/opportunities/" + opportunity + "/quotes").cookie(tech).exchange()).hasStatus(403);
        assertThat(mvc.get().uri("/opportunities/" + opportunity + "/contract").cookie(tech).exchange()).hasStatus(403);
        page(tech, "/opportunities/" + opportunity, "zh-CN");

        String repPage = page(customers.session(mvc, r.rep()), "/opportunities/" + opportunity, "en");
        assertThat(repPage).contains(quotes, contract, "href=\"/customers/").doesNotContain("href=\"\"")
                .containsPattern("<a href=\"/customers/[^\"]+\" id=\"opportunity-customer\">无锡卡片科技有限公司</a>");
    }

    @Test
    void aContractsPageLinksItsOpportunityOnlyForAReaderWhoMayOpenIt() {
        Reviewers r = support.reviewers("copp");
        String token = support.bearer(mvc, r.rep());
        String opportunity = support.opportunityAtContractStage(mvc, r, "常州链接科技有限公司", "100000");
        JsonNode draft = support.complete(mvc, token, support.draft(mvc, token, opportunity, "100000", "LOW")
                .get("id").asString());
        String id = draft.get("id").asString();
        assertThat(support.post(mvc, token, "/api/v1/contracts/" + id + "/submit",
                "{\"version\":" + draft.get("version").asLong() + "}")).hasStatusOk();
        String link = "href=\"/opportunities/" + opportunity + "\"";

        assertThat(page(customers.session(mvc, r.rep()), "/contracts/" + id, "en")).contains(link)
                .doesNotContain("id=\"contract-buyer\"");
        String buyer = draft.get("buyer").get("name").asString();
        for (User reviewer : new User[] {r.lawyer(), r.operations()}) {
            Cookie session = customers.session(mvc, reviewer);
            assertThat(page(session, "/contracts/" + id, "en")).as(reviewer.username())
                    .contains("id=\"contract-opportunity\"", "常州链接科技有限公司 项目").doesNotContain(link)
                    // the opportunity as text: no link at all, not one to the page itself (href="")
                    .doesNotContain("href=\"\"").containsPattern("<span id=\"contract-opportunity\">[^<]*常州链接科技有限公司 项目</span>")
                    // whom the contract is with, from the contract: the customer's page is not theirs to open
                    .contains("<span id=\"contract-buyer\">" + buyer + "</span>");
            assertThat(mvc.get().uri("/opportunities/" + opportunity).cookie(session).exchange())
                    .as("what the link would have opened").hasStatus(403);
        }
    }

    @Test
    void legalWritesAndPublishesATemplateVersionOldVersionsStayReadableAndNobodyElseMayChangeThem() {
        Reviewers r = support.reviewers("ctpl");
        Cookie legal = customers.session(mvc, r.lawyer());
        Cookie rep = customers.session(mvc, r.rep());
        String repToken = support.bearer(mvc, r.rep());
        JsonNode templates = customers.getJson(mvc, repToken, "/api/v1/contract-templates");
        String published = java.util.stream.StreamSupport.stream(templates.spliterator(), false)
                .filter(t -> t.get("state").asString().equals("PUBLISHED")).findFirst().orElseThrow().get("id").asString();

        assertThat(page(rep, "/contracts/templates", "zh-CN")).contains("标准销售合同", "使用中", "已停用");
        assertThat(page(rep, "/contracts/templates/" + published, "en")).doesNotContain("new-template-version");
        assertThat(post(rep, "/contracts/templates/" + published + "/versions")).as("a rep may not").hasStatus(403);
        assertThat(support.post(mvc, repToken, "/api/v1/contract-templates/" + published + "/versions", "")).hasStatus(403);

        assertThat(page(legal, "/contracts/templates/" + published, "en")).as("legal may start the next version")
                .contains("new-template-version");
        MvcTestResult started = post(legal, "/contracts/templates/" + published + "/versions");
        assertThat(started).hasStatus3xxRedirection();
        String draftPath = started.getResponse().getRedirectedUrl();
        String draftId = draftPath.substring(draftPath.lastIndexOf('/') + 1);
        String editor = page(legal, draftPath, "zh-CN");
        assertThat(editor).contains("编写中", "template-form", "{{minutes.liability}}");
        assertThat(editor).as("one draft at a time").doesNotContain("new-template-version");
        assertThat(page(legal, "/contracts/templates/" + published, "en")).doesNotContain("new-template-version");
        page(legal, draftPath, "en");

        JsonNode draft = customers.getJson(mvc, repToken, "/api/v1/contract-templates/" + draftId);
        java.util.List<String> params = new java.util.ArrayList<>(java.util.List.of("name", "标准销售合同", "note", "争议改为仲裁",
                "version", draft.get("version").asString(), "lang", "en"));
        for (int i = 0; i < draft.get("clauses").size(); i++) {
            JsonNode clause = draft.get("clauses").get(i);
            String body = clause.get("sectionKey").asString().equals("DISPUTE")
                    ? "争议提交{{buyer.city}}仲裁委员会仲裁，{{7*7}}。" : clause.get("body").asString();
            params.addAll(java.util.List.of("clauses[" + i + "].sectionKey", clause.get("sectionKey").asString(),
                    "clauses[" + i + "].heading", clause.get("heading").asString(), "clauses[" + i + "].body", body));
        }
        MvcTestResult typo = post(legal, draftPath, params.toArray(String[]::new));
        assertThat(typo).as("shown on the form").hasStatusOk();
        assertThat(body(typo)).contains("Unknown placeholders: 7*7, buyer.city.");
        int dispute = params.indexOf("争议提交{{buyer.city}}仲裁委员会仲裁，{{7*7}}。");
        params.set(dispute, "争议提交杭州仲裁委员会仲裁。");
        assertThat(post(legal, draftPath, params.toArray(String[]::new))).hasStatus3xxRedirection();
        long version = customers.getJson(mvc, repToken, "/api/v1/contract-templates/" + draftId).get("version").asLong();
        assertThat(post(legal, draftPath + "/publish", "version", String.valueOf(version))).hasStatus3xxRedirection();

        assertThat(customers.getJson(mvc, repToken, "/api/v1/contract-templates/" + draftId).get("state").asString())
                .isEqualTo("PUBLISHED");
        JsonNode old = customers.getJson(mvc, repToken, "/api/v1/contract-templates/" + published);
        assertThat(old.get("state").asString()).as("the previous version retires and stays readable").isEqualTo("RETIRED");
        assertThat(page(rep, "/contracts/templates/" + published, "zh-CN")).contains("已停用", "交付标准：{{minutes.deliveryStandard}}");
        assertThat(page(rep, draftPath, "zh-CN")).contains("争议提交杭州仲裁委员会仲裁。");
    }

    @Test
    void hostileInputOnTheContractScreensIsRefusedWithoutA5xxAndDraftsNothing() {
        Reviewers r = support.reviewers("chost");
        String opportunity = support.opportunityAtContractStage(mvc, r, "苏州辛方科技有限公司", "600000.00");
        Cookie rep = customers.session(mvc, r.rep());
        long before = jdbc.sql("select count(*) from contract_contract").query(Long.class).single();

        java.util.List<MvcTestResult> answers = java.util.List.of(
                post(rep, "/contracts", "opportunityId", opportunity, "title", "before\u0000after", "amount", "600000"),
                post(rep, "/contracts", "opportunityId", opportunity, "title", "长".repeat(100_001), "amount", "600000"),
                post(rep, "/contracts", "opportunityId", "not-an-id", "amount", "600000"),
                post(rep, "/contracts", "opportunityId", opportunity, "amount", "1e400"),
                post(rep, "/contracts", "opportunityId", opportunity, "amount", "600000", "milestones[5000].amount", "1"),
                post(rep, "/contracts", "opportunityId", opportunity, "amount", "600000", "templateId", "模板"),
                post(rep, "/contracts/" + java.util.UUID.randomUUID() + "/reviews/MARKETING", "verdict", "PASS"),
                mvc.get().uri("/contracts?status=BOGUS").cookie(rep).exchange(),
                mvc.get().uri("/contracts?cursor=forged").cookie(rep).exchange(),
                mvc.get().uri("/contracts?q=" + "长".repeat(101)).cookie(rep).exchange(),
                mvc.get().uri("/contracts/new?opportunityId=" + java.util.UUID.randomUUID()).cookie(rep).exchange());
        assertThat(answers).as("a 4xx page, or the form again with what to fix; never a 5xx, never drafted")
                .allSatisfy(a -> assertThat(a.getResponse().getStatus() == 200
                        ? (body(a).contains("is-invalid") || body(a).contains("contract-problems") ? 422 : 200)
                        : a.getResponse().getStatus()).as(a.getRequest().getRequestURI()).isBetween(400, 499));
        assertThat(jdbc.sql("select count(*) from contract_contract").query(Long.class).single()).isEqualTo(before);
    }

    private String fileOf(User user, String contractId, String kind) {
        for (JsonNode f : customers.getJson(mvc, support.bearer(mvc, user), "/api/v1/contracts/" + contractId + "/files")) {
            if (f.get("kind").asString().equals(kind)) {
                return f.get("id").asString();
            }
        }
        throw new AssertionError("no " + kind);
    }

    private JsonNode api(User user, String contractId) {
        return customers.getJson(mvc, support.bearer(mvc, user), "/api/v1/contracts/" + contractId);
    }

    private MvcTestResult post(Cookie session, String path, String... params) {
        var request = mvc.post().uri(path).cookie(session).with(SecurityMockMvcRequestPostProcessors.csrf());
        for (int i = 0; i < params.length; i += 2) {
            request = request.param(params[i], params[i + 1]);
        }
        return request.exchange();
    }

    private String page(Cookie session, String path, String lang) {
        MvcTestResult result = mvc.get().uri(path + (path.contains("?") ? "&" : "?") + "lang=" + lang).cookie(session)
                .header("Accept-Language", lang).exchange();
        assertThat(result).as(path + " " + lang).hasStatusOk();
        String html = body(result);
        assertThat(html).as("untranslated key on " + path).doesNotContain("??");
        return html;
    }

    private static String body(MvcTestResult result) {
        try {
            return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
