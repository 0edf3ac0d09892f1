package com.lead2cash.platform;

import java.math.BigDecimal;

/**
 * What one payment milestone may be worth: more than 0.00, to the fen. A contract's milestones are checked by it,
 * and so are the negotiation minutes' milestones a contract is drafted from (a percentage of a small price can round
 * to 0.00), so that minutes the customer confirmed never make a contract its own rule refuses. Its receivable plan
 * collects that amount: a plan of nothing, or of a thousandth of a fen, is no payment.
 */
public final class PayableAmount {

    private PayableAmount() {
    }

    /** Whether {@code amount} may be what one milestone is worth. */
    public static boolean isPayable(BigDecimal amount) {
        return amount != null && amount.signum() > 0 && amount.scale() <= InputRules.MONEY_SCALE;
    }
}
