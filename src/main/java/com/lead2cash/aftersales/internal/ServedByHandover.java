package com.lead2cash.aftersales.internal;

import com.lead2cash.customer.ServedCustomers;
import com.lead2cash.platform.CurrentUser;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells the customer module whom an after-sales person serves (SPEC §1: after-sales' "assigned customers"): the customer
 * whose latest accepted handover is theirs (H1), and for the one who manages an after-sales unit, those its people
 * serve ({@link AftersalesAccess#scope}). The customer module asks it only of the roles it lets read so.
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
        // which roles read a customer as served is the customer module's to say (CustomerAccess.SERVICE_READERS)
        return customerId != null && CurrentUser.get().isPresent() && access.serves(customerId, null);
    }
}
