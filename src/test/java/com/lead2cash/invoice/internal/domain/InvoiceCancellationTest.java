package com.lead2cash.invoice.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.lead2cash.platform.DomainException;
import com.lead2cash.platform.FieldValidationException;
import com.lead2cash.platform.ForbiddenException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Cancelling an invoice request (撤销): a request not yet issued — pending or approved — is cancelled by its requester
 * or by finance, with a reason, and then holds nothing of the contract; an issued invoice is reversed by red letter.
 */
class InvoiceCancellationTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final Instant REQUESTED = Instant.parse("2026-12-01T02:00:00Z");
    static final Instant NOW = Instant.parse("2026-12-01T03:00:00Z");
    static final UUID REQUESTER = UUID.fromString("01890f2e-5a1b-7c3d-8e4f-0000000000a1");
    static final UUID FINANCE = UUID.fromString("01890f2e-5a1b-7c3d-8e4f-0000000000f1");
    static final UUID MANAGER = UUID.fromString("01890f2e-5a1b-7c3d-8e4f-0000000000b1");

    static Invoice pending() {
        return Invoice.request("KP-1", UUID.randomUUID(), "HT-1", UUID.randomUUID(), UUID.randomUUID(),
                InvoiceType.VAT_ORDINARY, "上海撤销测试有限公司", "91310000MA1FL8TQ3X", null, null,
                new BigDecimal("1000.00"), List.of(new InvoiceLine("软件服务费", new BigDecimal("1000.00"), new BigDecimal("6"))),
                new BigDecimal("5000.00"), REQUESTER, REQUESTED);
    }

    static Invoice approved() {
        Invoice inv = pending();
        inv.decided(true, REQUESTED);
        return inv;
    }

    static Invoice issued() {
        Invoice inv = approved();
        inv.issue("12345678901234567890", null, (code, number) -> false, LocalDate.of(2026, 12, 1), FINANCE, SHANGHAI, NOW);
        return inv;
    }

    @Test
    void theRequesterAndFinanceAreOfferedTheCancellationOfARequestNotYetIssuedNoOneElse() {
        for (Invoice inv : List.of(pending(), approved())) {
            String state = inv.status().name();
            assertThat(inv.availableActions(REQUESTER, false)).as("the requester, " + state)
                    .containsExactly(InvoiceAction.CANCEL);
            assertThat(inv.availableActions(FINANCE, true)).as("finance, " + state).contains(InvoiceAction.CANCEL);
            assertThat(inv.availableActions(MANAGER, false)).as("the requester's manager, " + state).isEmpty();
        }
        assertThat(approved().availableActions(FINANCE, true)).as("finance issues or cancels an approved request")
                .containsExactlyInAnyOrder(InvoiceAction.ISSUE, InvoiceAction.CANCEL);
        assertThat(pending().availableActions(FINANCE, true)).containsExactly(InvoiceAction.CANCEL);
    }

    @Test
    void aCancelledRequestKeepsTheReasonWhoAndWhenAndHoldsNothingOfTheContract() {
        Invoice byRequester = pending();
        byRequester.cancel("  客户不再需要此发票 ", REQUESTER, false, NOW);
        assertThat(byRequester.status()).isEqualTo(InvoiceStatus.CANCELLED);
        assertThat(byRequester.cancelReason()).isEqualTo("客户不再需要此发票");
        assertThat(byRequester.cancelledBy()).isEqualTo(REQUESTER);
        assertThat(byRequester.cancelledAt()).isEqualTo(NOW);
        assertThat(InvoiceStatus.HOLDING).doesNotContain(InvoiceStatus.CANCELLED);
        assertThat(byRequester.availableActions(REQUESTER, false)).as("nothing after").isEmpty();
        assertThat(byRequester.availableActions(FINANCE, true)).isEmpty();

        Invoice byFinance = approved();
        byFinance.cancel("合同已终止，不再开票", FINANCE, true, NOW);
        assertThat(byFinance.status()).isEqualTo(InvoiceStatus.CANCELLED);
        assertThat(byFinance.cancelledBy()).isEqualTo(FINANCE);
    }

    @Test
    void aCancellationWithoutAReasonIsRefusedBesideTheReasonAndChangesNothing() {
        for (String reason : new String[] {null, "", "   "}) {
            Invoice inv = approved();
            assertThatThrownBy(() -> inv.cancel(reason, REQUESTER, false, NOW)).as("[" + reason + "]")
                    .isInstanceOf(FieldValidationException.class)
                    .satisfies(e -> assertThat(((FieldValidationException) e).errors()).singleElement()
                            .satisfies(error -> {
                                assertThat(error.field()).isEqualTo("reason");
                                assertThat(error.messageKey()).isEqualTo("invoice.cancel.reason");
                            }));
            assertThat(inv.status()).isEqualTo(InvoiceStatus.APPROVED);
            assertThat(inv.cancelReason()).isNull();
        }
    }

    @Test
    void someoneOtherThanTheRequesterOrFinanceIsRefused() {
        Invoice inv = pending();
        assertThatThrownBy(() -> inv.cancel("不需要了", MANAGER, false, NOW)).isInstanceOf(ForbiddenException.class)
                .satisfies(e -> assertThat(((DomainException) e).messageKey()).isEqualTo("invoice.cancel.notYours"));
        assertThat(inv.status()).isEqualTo(InvoiceStatus.PENDING_APPROVAL);
    }

    @Test
    void anIssuedInvoiceIsNeverCancelledItIsReversedByRedLetterAndAnEndedRequestStaysAsItIs() {
        Invoice issued = issued();
        assertThat(issued.availableActions(FINANCE, true)).containsExactly(InvoiceAction.RED_REVERSE);
        assertThat(issued.availableActions(REQUESTER, false)).isEmpty();
        assertThatThrownBy(() -> issued.cancel("开错了", FINANCE, true, NOW)).isInstanceOf(DomainException.class)
                .isNotInstanceOf(ForbiddenException.class)
                .satisfies(e -> assertThat(((DomainException) e).messageKey()).isEqualTo("invoice.status.notAllowed"));
        assertThat(issued.status()).isEqualTo(InvoiceStatus.ISSUED);

        Invoice rejected = pending();
        rejected.decided(false, NOW);
        Invoice reversed = issued();
        reversed.redReverse("购买方名称有误", FINANCE, NOW);
        Invoice cancelled = pending();
        cancelled.cancel("不需要了", REQUESTER, false, NOW);
        for (Invoice ended : List.of(rejected, reversed, cancelled)) {
            InvoiceStatus before = ended.status();
            assertThat(ended.availableActions(REQUESTER, false)).as(before.name()).doesNotContain(InvoiceAction.CANCEL);
            assertThatThrownBy(() -> ended.cancel("再撤销一次", FINANCE, true, NOW)).as(before.name())
                    .satisfies(e -> assertThat(((DomainException) e).messageKey()).isEqualTo("invoice.status.notAllowed"));
            assertThat(ended.status()).isEqualTo(before);
        }
    }

    @Test
    void aPendingRequestWhoseApprovalIsWithdrawnIsCancelledOnTheWithdrawalWithoutAReasonTyped() {
        Invoice inv = pending();
        inv.approvalWithdrawn(REQUESTER, NOW);
        assertThat(inv.status()).isEqualTo(InvoiceStatus.CANCELLED);
        assertThat(inv.cancelledOnWithdrawal()).isTrue();
        assertThat(inv.cancelReason()).isNull();
        assertThat(inv.cancelledBy()).isEqualTo(REQUESTER);
        assertThat(inv.cancelledAt()).isEqualTo(NOW);
        assertThat(inv.availableActions(REQUESTER, false)).as("nothing after").isEmpty();
        assertThat(inv.availableActions(FINANCE, true)).isEmpty();

        Invoice typed = pending();
        typed.cancel("客户改为下月开票", REQUESTER, false, NOW);
        assertThat(typed.cancelledOnWithdrawal()).as("a cancellation with its reason").isFalse();
    }

    @Test
    void aWithdrawalOfARequestNoLongerPendingIsRefusedAndChangesNothing() {
        Invoice rejected = pending();
        rejected.decided(false, NOW);
        Invoice cancelled = pending();
        cancelled.cancel("不需要了", REQUESTER, false, NOW);
        Invoice withdrawn = pending();
        withdrawn.approvalWithdrawn(REQUESTER, REQUESTED);
        for (Invoice ended : List.of(approved(), issued(), rejected, cancelled, withdrawn)) {
            InvoiceStatus before = ended.status();
            boolean onWithdrawal = ended.cancelledOnWithdrawal();
            Instant cancelledAt = ended.cancelledAt();
            assertThatThrownBy(() -> ended.approvalWithdrawn(FINANCE, NOW)).as(before.name())
                    .isInstanceOf(DomainException.class)
                    .satisfies(e -> assertThat(((DomainException) e).messageKey()).isEqualTo("invoice.status.notAllowed"));
            assertThat(ended.status()).isEqualTo(before);
            assertThat(ended.cancelledOnWithdrawal()).isEqualTo(onWithdrawal);
            assertThat(ended.cancelledAt()).isEqualTo(cancelledAt);
        }
        assertThat(cancelled.cancelReason()).isEqualTo("不需要了");
        assertThat(withdrawn.cancelledBy()).as("the first withdrawal's").isEqualTo(REQUESTER);
    }
}
