package com.lead2cash.customer;

import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.contract.Contracts;
import com.lead2cash.testing.AftersalesTestSupport;
import com.lead2cash.testing.ContractTestSupport;
import com.lead2cash.testing.ContractTestSupport.Reviewers;
import com.lead2cash.testing.CustomerTestSupport;
import com.lead2cash.testing.IntegrationTest;
import com.lead2cash.testing.MutableClock;
import com.lead2cash.testing.SignedContracts;
import com.lead2cash.testing.TestClock;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;

/**
 * A merge moves what the other modules keep of the merged customer to the survivor in the same
 * transaction — its quote, contract, order, invoice, handover, complaint and customer-group price lists —
 * each asked afterwards through its own module's API; the signed contract keeps the buyer it was signed with
 * (docs/decisions/0010-customers.md, "Merge").
 */
@IntegrationTest
@Import(TestClock.class)
class CustomerMergeModulesTest {

    static final String VALID_TAX_ID = "91350100M000100Y43";

    @Autowired MockMvcTester mvc;
    @Autowired SignedContracts signed;
    @Autowired ContractTestSupport contracts;
    @Autowired CustomerTestSupport customers;
    @Autowired AftersalesTestSupport aftersales;
    @Autowired Contracts contractQueries;
    @Autowired MutableClock clock;

    @Test
    void theMergedCustomersQuotesContractsOrdersInvoicesAndAfterSalesRecordsMoveToTheSurvivor() {
        clock.set(TestClock.START);
        Reviewers r = contracts.reviewers("mrgm", CustomerTestSupport.HIRED.minusYears(10));
        String rep = customers.bearer(mvc, r.rep());

        // the duplicate carries the business: an accepted quote, a signed contract, an order, an invoice, after-sales
        JsonNode contract = signed.signFromAcceptedQuote(mvc, r, "mrgm", "杭州合并业务科技有限公司", "2026-12-01");
        String contractId = contract.get("id").asString();
        String mergedId = contract.get("customerId").asString();
        String quoteId = contract.get("quoteId").asString();
        String buyerName = contract.get("buyer").get("name").asString();
        String handoverId = aftersales.handoverOf(contractId);
        JsonNode order = created(customers.post(mvc, rep, "/api/v1/orders", """
                {"contractId":"%s","lines":[{"productId":"%s","quantity":1}],"address":"杭州",
                 "consignee":"王经理","consigneePhone":"13800000000","promisedDate":"2026-12-20"}"""
                .formatted(contractId, contract.get("lines").get(0).get("productId").asString())));
        JsonNode invoice = created(customers.post(mvc, rep, "/api/v1/invoices", """
                {"contractId":"%s","type":"VAT_SPECIAL","buyerName":"%s","buyerTaxId":"%s",
                 "buyerAddressPhone":"杭州市西湖区 0571-88888888","buyerBankAccount":"工商银行西湖支行 1202000000000000001",
                 "amount":1000.00,"lines":[{"description":"工业网关","amount":1000.00,"taxRate":13}]}"""
                .formatted(contractId, buyerName, VALID_TAX_ID)));
        JsonNode complaint = created(customers.post(mvc, rep, "/api/v1/complaints", """
                {"customerId":"%s","category":"PRODUCT","severity":"MINOR","description":"网关偶发掉线","receivedVia":"PHONE"}"""
                .formatted(mergedId)));

        String survivorId = customers.customer(mvc, rep, "杭州合并存续科技有限公司", "\"grade\":\"B\"").get("id").asString();
        // customer-group price lists: one of the duplicate alone, one of both
        String director = customers.bearer(mvc, r.director());
        String priceList = """
                {"name":"%s","kind":"CUSTOMER_GROUP","validFrom":"2026-01-01","customerIds":[%s]}""";
        JsonNode ofMerged = created(customers.post(mvc, director, "/api/v1/price-lists",
                priceList.formatted("合并前的大客户价", "\"" + mergedId + "\"")));
        JsonNode ofBoth = created(customers.post(mvc, director, "/api/v1/price-lists",
                priceList.formatted("两家都在的战略价", "\"" + mergedId + "\",\"" + survivorId + "\"")));
        MvcTestResult merge = customers.post(mvc, customers.bearer(mvc, r.manager()), "/api/v1/customers/" + survivorId + "/merge",
                "{\"mergedId\":\"" + mergedId + "\",\"reason\":\"同一家公司\"}");
        assertThat(merge).as(ContractTestSupport.text(merge)).hasStatusOk();

        // each module answers with the survivor
        UUID survivor = UUID.fromString(survivorId);
        assertThat(contractQueries.signedOf(survivor)).extracting(Contracts.SignedContract::id)
                .containsExactly(UUID.fromString(contractId));
        assertThat(contractQueries.signedOf(UUID.fromString(mergedId))).isEmpty();
        JsonNode contractAfter = customers.getJson(mvc, rep, "/api/v1/contracts/" + contractId);
        assertThat(contractAfter.get("customerId").asString()).isEqualTo(survivorId);
        assertThat(contractAfter.get("buyer").get("name").asString()).as("a signed contract keeps its party's name")
                .isEqualTo(buyerName);
        assertThat(contractAfter.get("version").asLong()).as("a form opened before the merge refuses")
                .isGreaterThan(contract.get("version").asLong());
        assertThat(customers.getJson(mvc, rep, "/api/v1/quotes/" + quoteId).get("customerId").asString())
                .isEqualTo(survivorId);
        assertThat(customers.getJson(mvc, rep, "/api/v1/orders/" + order.get("id").asString()).get("customerId").asString())
                .isEqualTo(survivorId);
        JsonNode invoiceAfter = customers.getJson(mvc, rep, "/api/v1/invoices/" + invoice.get("id").asString());
        assertThat(invoiceAfter.get("customerId").asString()).isEqualTo(survivorId);
        assertThat(invoiceAfter.get("buyerName").asString()).isEqualTo(buyerName);
        assertThat(customers.getJson(mvc, rep, "/api/v1/handovers/" + handoverId).get("customerId").asString())
                .isEqualTo(survivorId);
        assertThat(customers.getJson(mvc, rep, "/api/v1/complaints?customerId=" + survivorId).get("items"))
                .extracting(i -> i.get("id").asString()).containsExactly(complaint.get("id").asString());
        assertThat(customers.getJson(mvc, rep, "/api/v1/complaints?customerId=" + mergedId).get("items")).isEmpty();

        for (JsonNode list : List.of(ofMerged, ofBoth)) {
            JsonNode after = customers.getJson(mvc, director, "/api/v1/price-lists/" + list.get("id").asString());
            assertThat(after.get("customerIds").valueStream().map(JsonNode::asString)).as(list.get("name").asString())
                    .containsExactly(survivorId);
            assertThat(after.get("version").asLong()).as("a membership form opened before refuses")
                    .isGreaterThan(list.get("version").asLong());
        }

        // the survivor's timeline tells the contract's and the order's story
        JsonNode timeline = customers.getJson(mvc, rep, "/api/v1/customers/" + survivorId + "/timeline?size=100");
        assertThat(timeline.get("items").valueStream().map(e -> e.get("kind").asString())).contains("contract", "order");

        // and the audit trail's "what moved" names each
        JsonNode moved = customers.json(merge).get("moved");
        assertThat(moved.path("quotes").asInt()).isPositive();
        assertThat(moved.path("contracts").asInt()).isEqualTo(1);
        assertThat(moved.path("orders").asInt()).isEqualTo(1);
        assertThat(moved.path("invoices").asInt()).isEqualTo(1);
        assertThat(moved.path("handovers").asInt()).isEqualTo(1);
        assertThat(moved.path("complaints").asInt()).isEqualTo(1);
        assertThat(moved.path("priceListMemberships").asInt()).isEqualTo(2);
        assertThat(moved.path("paymentPlansAndReceipts").isInt()).isTrue();
        assertThat(moved.path("satisfactionSurveys").isInt()).isTrue();
        // every kind by a field name, camelCase as the rest of the API (SPEC §6): walk finding, "price-list memberships"
        assertThat(moved.propertyNames()).isNotEmpty().allSatisfy(kind -> assertThat(kind).matches("[a-z][A-Za-z0-9]*"));
    }

    private JsonNode created(MvcTestResult result) {
        assertThat(result).as(ContractTestSupport.text(result)).hasStatus(201);
        return customers.json(result);
    }
}
