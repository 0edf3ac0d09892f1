package com.lead2cash.invoice.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.platform.CurrentUser;
import com.lead2cash.platform.Role;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The invoices on a customer's timeline reach exactly the readers the invoice routes admit
 * ({@link InvoiceService#READER_ROLES}): a role that may not open invoices is shown none of them.
 */
class InvoiceCustomerTimelineTest {

    @Test
    void aRoleTheInvoiceRoutesRefuseIsShownNoInvoiceEntries() {
        InvoiceCustomerTimeline invoices = new InvoiceCustomerTimeline(null, null);
        for (Role role : Role.values()) {
            boolean routesAdmit = InvoiceService.READER_ROLES.contains("'" + role.name() + "'");
            assertThat(invoices.visibleFor(new CurrentUser(UUID.randomUUID(), "reader", "Reader", null, Set.of(role))))
                    .as(role.name()).isEqualTo(routesAdmit);
        }
        assertThat(invoices.visibleFor(new CurrentUser(UUID.randomUUID(), "reader", "Reader", null,
                Set.of(Role.OPERATIONS, Role.LEGAL)))).isFalse();
    }
}
