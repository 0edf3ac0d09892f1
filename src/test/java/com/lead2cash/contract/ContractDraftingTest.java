package com.lead2cash.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.testing.ContractTestSupport;
import com.lead2cash.testing.ContractTestSupport.Reviewers;
import com.lead2cash.testing.CustomerTestSupport;
import com.lead2cash.testing.DocumentNumbers;
import com.lead2cash.testing.IntegrationTest;
import com.lead2cash.testing.MutableClock;
import com.lead2cash.testing.TestClock;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;

/**
 * Drafting a contract over the API: refusals change nothing, the amount is written in Chinese capitals,
 * the list shows the rep's contracts and a contract outside the reader's scope does not exist for them.
 */
@IntegrationTest
@Import(TestClock.class)
class ContractDraftingTest {

    @Autowired MockMvcTester mvc;
    @Autowired ContractTestSupport support;
    @Autowired CustomerTestSupport customers;
    @Autowired MutableClock clock;
    @Autowired com.lead2cash.testing.SalesTestSupport sales;
    @Autowired com.lead2cash.testing.HeldFirst heldFirst;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @BeforeEach
    void resetClock() {
        clock.set(TestClock.START);
    }

    static long listed(JsonNode page) {
        return StreamSupport.stream(page.get("items").spliterator(), false).count();
    }

    /** The numbers of the contracts the reader's list finds by {@code q}. */
    java.util.List<String> found(String token, String q) {
        JsonNode page = customers.getJson(mvc, token, "/api/v1/contracts?q=" + q);
        return StreamSupport.stream(page.get("items").spliterator(), false).map(i -> i.get("number").asString()).toList();
    }

    @Test
    void theListFindsAContractByAFragmentOfItsNumberTitleOrBuyerAsTheyAreNowAndNeverOutsideScope() {
        Reviewers r = support.reviewers("dsk");
        String rep = support.bearer(mvc, r.rep());
        String opportunity = support.opportunityAtContractStage(mvc, r, "杭州癸方检索科技有限公司", "800000.00");
        JsonNode draft = support.draft(mvc, rep, opportunity, "800000.00", "LOW");
        String number = draft.get("number").asString();

        assertThat(found(rep, "癸方")).as("two characters of the buyer").containsExactly(number);
        assertThat(found(rep, "网关采购")).as("the title").containsExactly(number);
        assertThat(found(rep, number.substring(3))).as("the number without its prefix").containsExactly(number);
        assertThat(found(rep, "检索科技有限公司杭州")).as("not contiguous").isEmpty();

        JsonNode c = customers.getJson(mvc, rep, "/api/v1/contracts/" + draft.get("id").asString());
        com.lead2cash.testing.SalesTestSupport.expect(customers.put(mvc, rep, "/api/v1/contracts/" + c.get("id").asString(), """
                {"title":"边缘服务器框架协议","buyerName":"宁波子方检索有限公司","termStart":"%s","termEnd":"%s","version":%d}"""
                .formatted(c.get("termStart").asString(), c.get("termEnd").asString(), c.get("version").asLong())), 200);
        assertThat(found(rep, "子方检索")).as("the buyer as revised").containsExactly(number);
        assertThat(found(rep, "服务器框架")).as("the title as revised").containsExactly(number);
        assertThat(found(rep, "网关采购")).as("the old title no longer").isEmpty();
        assertThat(found(support.bearer(mvc, r.team().company().westRep()), "子方检索")).as("another team's").isEmpty();
    }

    @Test
    void anUpdateKeepsTheTermsAndBuyerDataItLeavesOut() {
        Reviewers r = support.reviewers("dkp");
        String rep = support.bearer(mvc, r.rep());
        String opportunity = support.opportunityAtContractStage(mvc, r, "杭州保留条款科技有限公司", "800000.00");
        String id = support.draft(mvc, rep, opportunity, "800000.00", "LOW").get("id").asString();
        JsonNode complete = support.complete(mvc, rep, id);

        JsonNode renamed = customers.json(com.lead2cash.testing.SalesTestSupport.expect(customers.put(mvc, rep,
                "/api/v1/contracts/" + id, """
                {"title":"边缘服务器框架协议","version":%d}""".formatted(complete.get("version").asLong())), 200));

        assertThat(renamed.get("title").asString()).isEqualTo("边缘服务器框架协议");
        for (String field : new String[] {"/termStart", "/termEnd", "/buyer/taxId", "/buyer/address", "/buyer/representative",
                "/amount", "/riskLevel", "/milestones"}) {
            assertThat(renamed.at(field)).as(field).isEqualTo(complete.at(field));
        }
        assertThat(renamed.at("/buyer/taxId").isNull()).isFalse();
    }

    /**
     * Walk findings: a contract title or buyer of two lines, and a term from 1901, were stored. Refused naming each
     * field, nothing changed.
     */
    @Test
    void aTitleOrBuyerOfMoreThanOneLineOrATermFromBefore2000IsRefusedNamingTheFieldsAndNothingChanges() {
        Reviewers r = support.reviewers("dkl");
        String rep = support.bearer(mvc, r.rep());
        String opportunity = support.opportunityAtContractStage(mvc, r, "杭州单行合同科技有限公司", "800000.00");
        String id = support.draft(mvc, rep, opportunity, "800000.00", "LOW").get("id").asString();
        JsonNode complete = support.complete(mvc, rep, id);

        var refused = customers.put(mvc, rep, "/api/v1/contracts/" + id, """
                {"title":"边缘服务器\\r\\n框架协议","buyerName":"宁波\\t单行有限公司","termStart":"1901-01-01",
                 "version":%d}""".formatted(complete.get("version").asLong()));
        assertThat(refused).hasStatus(422);
        assertThat(customers.json(refused).get("errors").valueStream()
                .map(e -> e.get("field").asString() + " " + e.get("code").asString())).containsExactlyInAnyOrder(
                "title error.input.notOneLine", "buyerName error.input.notOneLine", "termStart error.input.dateTooEarly");
        JsonNode unchanged = customers.getJson(mvc, rep, "/api/v1/contracts/" + id);
        assertThat(unchanged.get("version").asLong()).as("nothing changed").isEqualTo(complete.get("version").asLong());
        assertThat(unchanged.get("title").asString()).isEqualTo(complete.get("title").asString());
    }

    /**
     * Walk finding: a term from 2190 to 2199 was stored. Its first day is a planned date (at most ten years after the
     * drafting), its last day at most ten years after the first: refused naming the field, nothing changed.
     */
    @Test
    void aTermStartingFarAheadOrRunningLongerThanTheYearsAheadIsRefusedNamingTheFieldAndNothingChanges() {
        clock.set(TestClock.START);
        Reviewers r = support.reviewers("dfar");
        String rep = support.bearer(mvc, r.rep());
        String opportunity = support.opportunityAtContractStage(mvc, r, "杭州远期合同科技有限公司", "800000.00");
        String id = support.draft(mvc, rep, opportunity, "800000.00", "LOW").get("id").asString();
        JsonNode complete = support.complete(mvc, rep, id);
        String path = "/api/v1/contracts/" + id;
        String body = """
                {"termStart":"%s","termEnd":"%s","version":%d}""";
        long version = complete.get("version").asLong();

        var farAhead = customers.put(mvc, rep, path, body.formatted("2190-01-01", "2199-12-31", version));
        assertThat(farAhead).hasStatus(422);
        assertThat(customers.json(farAhead).get("errors").valueStream()
                .map(e -> e.get("field").asString() + " " + e.get("code").asString()))
                .containsExactly("termStart error.input.dateTooFarAhead");
        // drafted on 2026-12-01 (the test clock): ten years on is the last day a term may start
        var tooLong = customers.put(mvc, rep, path, body.formatted("2026-12-01", "2199-12-31", version));
        assertThat(tooLong).hasStatus(422);
        assertThat(customers.json(tooLong).get("errors").valueStream()
                .map(e -> e.get("field").asString() + " " + e.get("code").asString()))
                .containsExactly("termEnd contract.term.tooLong");
        assertThat(customers.json(tooLong).get("errors").get(0).get("message").asString()).contains("2036-12-01");
        JsonNode unchanged = customers.getJson(mvc, rep, path);
        assertThat(unchanged.get("version").asLong()).as("nothing changed").isEqualTo(version);
        assertThat(unchanged.get("termEnd").asString()).isEqualTo(complete.get("termEnd").asString());

        JsonNode longest = customers.json(com.lead2cash.testing.SalesTestSupport.expect(customers.put(mvc, rep, path,
                body.formatted("2036-12-01", "2046-12-01", version)), 200));
        assertThat(longest.get("termEnd").asString()).as("the bounds themselves are kept").isEqualTo("2046-12-01");
    }

    /** The form's prefilled buyer's taxpayer id for a new contract of the opportunity. */
    String offeredTaxId(Reviewers r, String opportunity) {
        var form = mvc.get().uri("/contracts/new?opportunityId=" + opportunity).cookie(customers.session(mvc, r.rep())).exchange();
        assertThat(form).hasStatusOk();
        var m = java.util.regex.Pattern.compile("id=\"buyerTaxId\" name=\"buyerTaxId\"[^>]*value=\"([^\"]*)\"")
                .matcher(new String(form.getResponse().getContentAsByteArray(), java.nio.charset.StandardCharsets.UTF_8));
        return m.find() ? m.group(1) : null;
    }

    @Test
    void aNewContractCarriesTheBuyersTaxpayerIdFromTheCustomerRecordElseTheCustomersLatestContract() {
        Reviewers r = support.reviewers("dtc");
        String rep = support.bearer(mvc, r.rep());
        JsonNode first = support.draft(mvc, rep, support.opportunityAtContractStage(mvc, r, "杭州税号沿用科技有限公司",
                "800000.00"), "800000.00", "LOW");
        assertThat(first.at("/buyer/taxId").isNull()).as("nothing to carry yet").isTrue();
        support.complete(mvc, rep, first.get("id").asString()); // names 91330100716105852F
        String customer = first.get("customerId").asString();
        String second = sales.opportunity(mvc, rep, customer, "二期项目", "500000.00").get("id").asString();
        sales.qualify(mvc, r.team(), second);
        for (String stage : new String[] {"PROPOSAL", "NEGOTIATION", "CONTRACT"}) {
            sales.move(mvc, rep, second, stage);
        }

        assertThat(offeredTaxId(r, second)).as("the latest contract's").isEqualTo("91330100716105852F");

        JsonNode profile = customers.getJson(mvc, rep, "/api/v1/customers/" + customer);
        // a code no other customer has: one another has makes this customer a possible duplicate
        String uscc = com.lead2cash.testing.CustomerTestSupport.uniqueUscc();
        com.lead2cash.testing.SalesTestSupport.expect(customers.put(mvc, rep, "/api/v1/customers/" + customer, """
                {"name":"%s","uscc":"%s","industry":"制造业","source":"OTHER","version":%d}"""
                .formatted(profile.get("name").asString(), uscc, profile.get("version").asLong())), 200);
        assertThat(offeredTaxId(r, second)).as("the customer record's code first").isEqualTo(uscc);

        JsonNode drafted = support.draft(mvc, rep, second, "500000.00", "LOW");
        assertThat(drafted.at("/buyer/taxId").asString()).as("the API defaults it when left out").isEqualTo(uscc);
    }

    @Test
    void theBuyersTaxIdIsCheckedAsAUnifiedSocialCreditCodeAsInvoicesDo() {
        Reviewers r = support.reviewers("dtx");
        String rep = support.bearer(mvc, r.rep());
        String opportunity = support.opportunityAtContractStage(mvc, r, "杭州税号校验科技有限公司", "800000.00");
        JsonNode draft = support.draft(mvc, rep, opportunity, "800000.00", "LOW");
        String id = draft.get("id").asString();

        var refused = customers.put(mvc, rep, "/api/v1/contracts/" + id, """
                {"buyerTaxId":"<img src=x onerror=alert(1)>","version":%d}""".formatted(draft.get("version").asLong()));
        assertThat(refused).hasStatus(422);
        assertThat(customers.json(refused).get("errors").get(0).get("field").asString()).isEqualTo("buyerTaxId");
        JsonNode unchanged = customers.getJson(mvc, rep, "/api/v1/contracts/" + id);
        assertThat(unchanged.at("/buyer/taxId").isNull()).isTrue();
        assertThat(unchanged.get("version").asLong()).isEqualTo(draft.get("version").asLong());
    }

    @Test
    void paymentMilestonesThatDoNotAddUpToTheAmountAreRefusedAndNoContractIsDrafted() {
        Reviewers r = support.reviewers("dms");
        String rep = support.bearer(mvc, r.rep());
        String opportunity = support.opportunityAtContractStage(mvc, r, "杭州辛方科技有限公司", "600000.00");

        var refused = support.post(mvc, rep, "/api/v1/contracts", """
                {"opportunityId":"%s","title":"工业网关采购合同","amount":600000.00,"riskLevel":"LOW",
                 "termStart":"2026-12-01","termEnd":"2027-11-30",
                 "milestones":[{"type":"PREPAYMENT","amount":300000.00,"dueCondition":"合同签订后 7 日内"},
                               {"type":"ACCEPTANCE","amount":200000.00,"dueCondition":"验收合格后 30 日内"}]}"""
                .formatted(opportunity));

        assertThat(refused).hasStatus(422);
        assertThat(ContractTestSupport.text(refused)).contains("milestones");
        assertThat(listed(customers.getJson(mvc, rep, "/api/v1/contracts"))).isZero();

        // without an accepted quote or confirmed minutes there is no agreed price to take: the amount is required
        var noAmount = support.post(mvc, rep, "/api/v1/contracts", """
                {"opportunityId":"%s","title":"工业网关采购合同"}""".formatted(opportunity));
        assertThat(noAmount).hasStatus(422);
        assertThat(support.json(noAmount).at("/errors/0/field").asString()).isEqualTo("amount");
        assertThat(support.json(noAmount).at("/errors/0/code").asString()).isEqualTo("contract.amount.required");
        assertThat(listed(customers.getJson(mvc, rep, "/api/v1/contracts"))).isZero();
    }

    /**
     * Walk finding: a term ending before it starts and milestones a fen short were refused naming the term only; the
     * sum came on the next try. The two are independent: both named at once, no contract drafted.
     */
    @Test
    void aTermInTheWrongOrderAndMilestonesAFenShortAreNamedTogetherAndNoContractIsDrafted() {
        Reviewers r = support.reviewers("dall");
        String rep = support.bearer(mvc, r.rep());
        String opportunity = support.opportunityAtContractStage(mvc, r, "杭州齐报科技有限公司", "600000.00");

        var refused = support.post(mvc, rep, "/api/v1/contracts", """
                {"opportunityId":"%s","title":"工业网关采购合同","amount":600000.00,"riskLevel":"LOW",
                 "termStart":"2027-11-30","termEnd":"2026-12-01",
                 "milestones":[{"type":"PREPAYMENT","amount":300000.00,"dueCondition":"合同签订后 7 日内"},
                               {"type":"ACCEPTANCE","amount":299999.99,"dueCondition":"验收合格后 30 日内"}]}"""
                .formatted(opportunity));

        assertThat(refused).hasStatus(422);
        assertThat(support.json(refused).get("errors").valueStream()
                .map(e -> e.get("field").asString() + " " + e.get("code").asString())).containsExactlyInAnyOrder(
                "termEnd contract.term.order", "milestones contract.milestones.sum");
        assertThat(listed(customers.getJson(mvc, rep, "/api/v1/contracts"))).isZero();
    }

    /**
     * Walk finding: a termination without a reason and effective on 1800-01-01 was refused naming the day only (the
     * input rules stopped the body at it). Both named in one 422, the contract not terminated.
     */
    @Test
    void aTerminationWithoutAReasonAndADayBefore1900NamesBothAndTerminatesNothing() {
        Reviewers r = support.reviewers("dtall");
        String rep = support.bearer(mvc, r.rep());
        String opportunity = support.opportunityAtContractStage(mvc, r, "杭州双错终止科技有限公司", "500000.00");
        JsonNode draft = support.draft(mvc, rep, opportunity, "500000.00", "LOW");
        String id = draft.get("id").asString();

        var refused = support.post(mvc, rep, "/api/v1/contracts/" + id + "/termination", """
                {"reason":"","effectiveOn":"1800-01-01","version":%d}""".formatted(draft.get("version").asLong()));

        assertThat(refused).as(ContractTestSupport.text(refused)).hasStatus(422);
        assertThat(support.json(refused).get("errors").valueStream()
                .map(e -> e.get("field").asString() + " " + e.get("code").asString())).containsExactlyInAnyOrder(
                "reason contract.reason.required", "effectiveOn error.input.dateOutOfRange");
        JsonNode unchanged = customers.getJson(mvc, rep, "/api/v1/contracts/" + id);
        assertThat(unchanged.get("status").asString()).isEqualTo("DRAFT");
        assertThat(unchanged.get("version").asLong()).as("nothing changed").isEqualTo(draft.get("version").asLong());
    }

    @Test
    void aSecondContractOnAnOpportunityWithALiveOneIsABusinessRule422NotAConflict() {
        Reviewers r = support.reviewers("dtwice");
        String rep = support.bearer(mvc, r.rep());
        String opportunity = support.opportunityAtContractStage(mvc, r, "杭州二次拟定科技有限公司", "600000.00");
        JsonNode first = support.draft(mvc, rep, opportunity, "600000.00", "LOW");

        var second = support.post(mvc, rep, "/api/v1/contracts", """
                {"opportunityId":"%s","title":"工业网关采购合同","amount":600000.00,"riskLevel":"LOW",
                 "milestones":[{"type":"PREPAYMENT","amount":600000.00,"dueCondition":"合同签订后 7 日内"}]}"""
                .formatted(opportunity));

        assertThat(second).as("docs/decisions/0014: a business rule is 422; 409 is a stale version or a lost race")
                .hasStatus(422);
        assertThat(support.json(second).get("code").asString()).isEqualTo("contract.opportunity.hasContract");
        assertThat(support.json(second).get("detail").asString()).contains(first.get("number").asString());
        assertThat(jdbc.sql("select count(*) from contract_contract where opportunity_id = ?")
                .param(java.util.UUID.fromString(opportunity)).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void twoDraftsSentAtOnceMakeOneContractAndTheOtherLosesTheRace409() throws Exception {
        Reviewers r = support.reviewers("drace");
        String rep = support.bearer(mvc, r.rep());
        String opportunity = support.opportunityAtContractStage(mvc, r, "杭州并发拟定科技有限公司", "600000.00");
        String body = """
                {"opportunityId":"%s","title":"工业网关采购合同","amount":600000.00,"riskLevel":"LOW",
                 "termStart":"2026-12-01","termEnd":"2027-11-30",
                 "milestones":[{"type":"PREPAYMENT","amount":600000.00,"dueCondition":"合同签订后 7 日内"}]}"""
                .formatted(opportunity);

        // the token's last use is touched now, not inside the held request: else the second would wait for the first
        // at its sign-in, before it ever reached the check (in production each request touches it on its own)
        customers.getJson(mvc, rep, "/api/v1/contracts");
        // the first is stored but not committed when the second passes the check and waits for the hold
        var sent = heldFirst.race(() -> support.post(mvc, rep, "/api/v1/contracts", body),
                () -> support.post(mvc, rep, "/api/v1/contracts", body));

        assertThat(sent.first()).hasStatus(201);
        assertThat(sent.second()).as("the second lost the race: someone was first").hasStatus(409);
        assertThat(support.json(sent.second()).get("code").asString()).isEqualTo("contract.opportunity.hasContract");
        assertThat(support.json(sent.second()).get("detail").asString())
                .contains(support.json(sent.first()).get("number").asString());
        assertThat(jdbc.sql("select count(*) from contract_contract where opportunity_id = ?")
                .param(java.util.UUID.fromString(opportunity)).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aRefusedDraftTakesNoContractNumberTheNextDraftGetsTheOneAfterTheLast() {
        Reviewers r = support.reviewers("dnum");
        String rep = support.bearer(mvc, r.rep());
        String first = support.opportunityAtContractStage(mvc, r, "杭州编号甲方科技有限公司", "600000.00");
        String second = support.opportunityAtContractStage(mvc, r, "杭州编号乙方科技有限公司", "600000.00");
        String last = support.draft(mvc, rep, first, "600000.00", "LOW").get("number").asString();

        // refused by the contract itself, after the drafting took its number: the number is given back
        assertThat(support.post(mvc, rep, "/api/v1/contracts", """
                {"opportunityId":"%s","title":"工业网关采购合同","amount":600000.00,"riskLevel":"LOW",
                 "termStart":"2026-12-01","termEnd":"2027-11-30",
                 "milestones":[{"type":"PREPAYMENT","amount":300000.00,"dueCondition":"合同签订后 7 日内"}]}"""
                .formatted(second))).hasStatus(422);

        assertThat(support.draft(mvc, rep, second, "600000.00", "LOW").get("number").asString())
                .isEqualTo(DocumentNumbers.following(last));
    }

    @Test
    void aDraftCarriesItsAmountInChineseCapitalsAndIsListedForItsRepButNotFoundByAnotherTeam() {
        Reviewers r = support.reviewers("dcap");
        String rep = support.bearer(mvc, r.rep());
        String opportunity = support.opportunityAtContractStage(mvc, r, "杭州壬方科技有限公司", "1234567.88");

        JsonNode draft = support.draft(mvc, rep, opportunity, "1234567.88", "LOW");

        assertThat(draft.get("status").asString()).isEqualTo("DRAFT");
        assertThat(draft.get("number").asString()).matches("HT-\\d{4}-\\d{6}");
        assertThat(draft.get("amountInWords").asString()).isEqualTo("壹佰贰拾叁万肆仟伍佰陆拾柒元捌角捌分");
        assertThat(listed(customers.getJson(mvc, rep, "/api/v1/contracts"))).isEqualTo(1);
        String westRep = support.bearer(mvc, r.team().company().westRep());
        assertThat(support.get(mvc, westRep, "/api/v1/contracts/" + draft.get("id").asString())).hasStatus(404);
    }

    @Test
    void aContractDraftsFromTheAcceptedQuoteAndTheConfirmedMinutesLinesPricesDeliveryMilestonesAndLiability() {
        Reviewers r = support.reviewers("dsrc");
        String rep = support.bearer(mvc, r.rep());
        ContractTestSupport.Deal deal = support.opportunityFromAcceptedQuote(mvc, r, "dsrc", "杭州癸方科技有限公司");

        var wrongQuote = support.post(mvc, rep, "/api/v1/contracts", """
                {"opportunityId":"%s","quoteId":"%s","amount":12360.00}""".formatted(deal.opportunityId(), deal.minutesId()));
        assertThat(wrongQuote).hasStatus(422);
        assertThat(support.json(wrongQuote).at("/errors/0/field").asString()).isEqualTo("quoteId");
        assertThat(listed(customers.getJson(mvc, rep, "/api/v1/contracts"))).as("the refusal drafted nothing").isZero();

        var wrongAmount = support.post(mvc, rep, "/api/v1/contracts", """
                {"opportunityId":"%s","quoteId":"%s","amount":10000.00}""".formatted(deal.opportunityId(), deal.quoteId()));
        assertThat(wrongAmount).as("an amount stated wins over the agreed price and is checked against the milestones")
                .hasStatus(422);
        assertThat(support.json(wrongAmount).at("/errors/0/field").asString()).isEqualTo("milestones");
        assertThat(listed(customers.getJson(mvc, rep, "/api/v1/contracts"))).isZero();

        JsonNode draft = support.json(com.lead2cash.testing.SalesTestSupport.expect(support.post(mvc, rep, "/api/v1/contracts", """
                {"opportunityId":"%s","quoteId":"%s","termStart":"2026-12-10","termEnd":"2027-12-09"}"""
                .formatted(deal.opportunityId(), deal.quoteId())), 201));

        assertThat(draft.get("amount").decimalValue()).as("left out, the price the confirmed minutes agreed")
                .isEqualByComparingTo("12360.00");
        assertThat(draft.get("amountInWords").asString()).isEqualTo("壹万贰仟叁佰陆拾元整");
        assertThat(draft.get("quoteId").asString()).as("the accepted quote is the draft's").isEqualTo(deal.quoteId());
        assertThat(draft.get("lines")).extracting(l -> l.get("productName").asString(), l -> l.get("quantity").decimalValue().intValue(),
                        l -> l.get("unitPrice").decimalValue().intValue())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("工业网关", 10, 1000),
                        org.assertj.core.groups.Tuple.tuple("安装调试服务", 2, 500));
        assertThat(draft.get("milestones")).as("the minutes' milestones, worked out from their percentages")
                .extracting(m -> m.get("type").asString(), m -> m.get("amount").decimalValue().setScale(2).toPlainString(),
                        m -> m.get("dueCondition").asString())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("PREPAYMENT", "3708.00", "合同签订后 7 日内"),
                        org.assertj.core.groups.Tuple.tuple("ON_DELIVERY", "7416.00", "到货验收后 15 日内"),
                        org.assertj.core.groups.Tuple.tuple("RETENTION", "1236.00", "质保期满一年"));
        java.util.Map<String, String> clauses = new java.util.HashMap<>();
        draft.get("sections").forEach(s -> clauses.put(s.get("key").asString(), s.get("body").asString()));
        assertThat(clauses.get("SCOPE")).contains(deal.quoteNumber(), "工业网关 × 10", "安装调试服务 × 2").doesNotContain("{{");
        assertThat(clauses.get("SCOPE")).as("the lines add up to the contract amount, as the quote's totals do")
                .contains("以上不含税合计人民币 11,000.00 元，税额人民币 1,360.00 元，价税合计人民币 12,360.00 元，"
                        + "合同金额人民币 12,360.00 元。");
        assertThat(clauses.get("DELIVERY")).contains("合同签订后 30 天", "交付标准：按技术协议附件一验收").doesNotContain("{{");
        assertThat(clauses.get("LIABILITY")).contains("逾期交付每日按合同额千分之一计违约金").doesNotContain("{{");
        assertThat(clauses.get("PAYMENT")).contains("预付款：人民币 3,708.00 元", "质保金：人民币 1,236.00 元（壹仟贰佰叁拾陆元整）");
        assertThat(clauses.get("PRICE")).contains("12,360.00", "壹万贰仟叁佰陆拾元整");
        assertThat(draft.get("sections")).as("filled placeholders are no deviation")
                .allSatisfy(s -> assertThat(s.get("changedFromTemplate").asBoolean()).isFalse());
        assertThat(draft.get("templateVersion").asInt()).isEqualTo(2);
    }

    static final String THIRTY_SIXTY_TEN = """
            [{"type":"PREPAYMENT","percent":30,"dueCondition":"合同签订后 7 日内"},
             {"type":"ON_DELIVERY","percent":60,"dueCondition":"到货验收后 15 日内"},
             {"type":"RETENTION","percent":10,"dueCondition":"质保期满一年"}]""";

    static java.util.List<String> amounts(JsonNode contract) {
        return StreamSupport.stream(contract.get("milestones").spliterator(), false)
                .map(m -> m.get("amount").decimalValue().setScale(2).toPlainString()).toList();
    }

    @Test
    void Q3_minutesOfPercentagesAndAnAmountBecomeAContractAtTheAgreedPriceToTheFen() {
        Reviewers r = support.reviewers("dfen");
        String rep = support.bearer(mvc, r.rep());
        ContractTestSupport.Deal deal = support.opportunityFromAcceptedQuote(mvc, r, "dfen", "杭州分毫不差科技有限公司",
                "128806.44", """
                [{"type":"PREPAYMENT","percent":30,"dueCondition":"合同签订后 7 日内"},
                 {"type":"ON_DELIVERY","percent":60,"dueCondition":"到货验收后 15 日内"},
                 {"type":"RETENTION","amount":12880.64,"dueCondition":"质保期满一年"}]""");

        // the agreed price stated: before, the milestones made 128 806.43 and the draft was refused 422
        JsonNode draft = support.json(com.lead2cash.testing.SalesTestSupport.expect(support.post(mvc, rep, "/api/v1/contracts", """
                {"opportunityId":"%s","quoteId":"%s","amount":128806.44}""".formatted(deal.opportunityId(), deal.quoteId())), 201));

        assertThat(draft.get("amount").decimalValue()).isEqualByComparingTo("128806.44");
        assertThat(amounts(draft)).as("the last percentage milestone took the remainder when the minutes were written")
                .containsExactly("38641.93", "77283.87", "12880.64");
        assertThat(jdbc.sql("select count(*) from contract_event where contract_id = ? and kind = 'MILESTONES_ROUNDED'")
                .param(java.util.UUID.fromString(draft.get("id").asString())).query(Long.class).single())
                .as("nothing moved: no note").isZero();
    }

    @Test
    void minutesConfirmedAFenShortBeforeTheFixStillDraftAtTheAgreedPriceWithANoteOfTheFenMoved() {
        Reviewers r = support.reviewers("dold");
        String rep = support.bearer(mvc, r.rep());
        ContractTestSupport.Deal deal = support.opportunityFromAcceptedQuote(mvc, r, "dold", "杭州旧纪要科技有限公司",
                "128806.44", THIRTY_SIXTY_TEN);
        JsonNode minutes = customers.getJson(mvc, rep, "/api/v1/negotiation-minutes/" + deal.minutesId());
        assertThat(StreamSupport.stream(minutes.get("milestones").spliterator(), false)
                .map(m -> m.get("amount").decimalValue().setScale(2).toPlainString()).toList())
                .as("written today: 10 % takes the remainder").containsExactly("38641.93", "77283.86", "12880.65");
        // as stored and confirmed before the fix (and as the migration kept it): each percentage rounded on its own
        jdbc.sql("update quote_minutes_milestone set worth = 12880.64 where minutes = ? and type = 'RETENTION'")
                .param(java.util.UUID.fromString(deal.minutesId())).update();

        JsonNode draft = support.json(com.lead2cash.testing.SalesTestSupport.expect(support.post(mvc, rep, "/api/v1/contracts", """
                {"opportunityId":"%s","quoteId":"%s","amount":128806.44}""".formatted(deal.opportunityId(), deal.quoteId())), 201));

        assertThat(draft.get("amount").decimalValue()).isEqualByComparingTo("128806.44");
        assertThat(amounts(draft)).containsExactly("38641.93", "77283.86", "12880.65");
        assertThat(jdbc.sql("select detail from contract_event where contract_id = ? and kind = 'MILESTONES_ROUNDED'")
                .param(java.util.UUID.fromString(draft.get("id").asString())).query(String.class).list())
                .as("the timeline says which confirmed figure moved").containsExactly("12,880.64 → 12,880.65");
    }
}
