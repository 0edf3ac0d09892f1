package com.lead2cash.receivable.internal;

import com.lead2cash.customer.CustomerMergeParticipant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * When two customers merge, the merged customer's payment plans and receipts move to the survivor, in the merge's
 * own transaction: the survivor's receipts may then be allocated to the plans it took over (a receipt goes only to
 * plans of its own customer), the receipt form offers them, and they count as the survivor's open business and
 * timeline. Allocations are keyed by receipt and plan, which keep their identity.
 */
@Component
class ReceivableCustomerMerge implements CustomerMergeParticipant {

    private final JdbcClient jdbc;

    ReceivableCustomerMerge(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public int moveToSurvivor(UUID mergedId, UUID survivorId) {
        // a new version each: a page still open on the merged customer's plan or receipt is stale
        int plans = jdbc.sql("update receivable_plan set customer_id = :s, version = version + 1 where customer_id = :m")
                .param("s", survivorId).param("m", mergedId).update();
        // the same transfer entered under both customers: kept, marked as the migration marks a twin (out of the
        // one-reference index), for finance to reverse the one not meant
        jdbc.sql("""
                update receivable_receipt m set reference_duplicate = true
                where m.customer_id = :m and m.state = 'RECORDED' and m.reference is not null
                  and exists (select 1 from receivable_receipt s where s.customer_id = :s and s.state = 'RECORDED'
                                 and not s.reference_duplicate and lower(s.reference) = lower(m.reference))
                """).param("s", survivorId).param("m", mergedId).update();
        int receipts = jdbc.sql("update receivable_receipt set customer_id = :s, version = version + 1 where customer_id = :m")
                .param("s", survivorId).param("m", mergedId).update();
        return plans + receipts;
    }

    @Override
    public String what() {
        return "paymentPlansAndReceipts";
    }
}
