package com.lead2cash.aftersales.internal;

import com.lead2cash.customer.ServedCustomers;
import com.lead2cash.platform.CurrentUser;
import com.lead2cash.platform.Role;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells the customer module whom an after-sales person serves (SPEC §1: after-sales' "assigned customers"): the customer
 * whose latest accepted handover is theirs (H1), and for the one who manages an after-sales unit, those its people
 * serve ({@link AftersalesAccess#scope}). Only for the after-sales role: a seller reads customers by their owner.
 */
@Component
class ServedByHandover implements ServedCustomers {

    private final AftersalesAccess access;

    ServedByHandover(AftersalesAccess access) {
        this.access = access;
    }

    @Override
    @Transactional(readOnly = true)
    public boolean servedByCurrentUser(UUID customerId) {
        boolean afterSales = CurrentUser.get().map(me -> me.roles().contains(Role.AFTER_SALES)).orElse(false);
        return afterSales && customerId != null && access.serves(customerId, null);
    }
}
