package com.lead2cash.platform.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.testing.IntegrationTest;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** Which screen forms must carry their record's version: the changes to a record named in the path, not the creates. */
@IntegrationTest
class PageVersionGuardTest {

    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

    @Test
    void theEditsAndActionsOnARecordAreGuardedAndTheCreateFormsAreNot() {
        Set<String> guarded = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            if (info.getMethodsCondition().getMethods().contains(RequestMethod.POST)
                    && PageVersionGuard.readsVersion(handler)) {
                guarded.addAll(info.getPatternValues());
            }
        });
        assertThat(guarded).contains("/customers/{id}/edit", "/opportunities/{id}", "/opportunities/{id}/move",
                "/opportunities/{id}/stage", "/leads/{id}/edit", "/quotes/{id}", "/products/{id}", "/price-lists/{id}",
                "/approvals/{id}/decision", "/receipts/{id}/allocations", "/customers/{id}/grade",
                // forms read as a map of values, marked @VersionedForm
                "/orders/{id}/shipments", "/orders/{id}/shipments/{shipment}/waybill",
                "/orders/{id}/shipments/{shipment}/cancellation", "/orders/{id}/delays",
                "/orders/{id}/delivery", "/orders/{id}/acceptance", "/invoices/{id}/issue", "/invoices/{id}/red-reversal");
        // a create form has no version to send; the territories' one form creates or saves by an id it posts
        assertThat(guarded).doesNotContain("/customers/new", "/opportunities", "/leads/new", "/quotes", "/products",
                "/price-lists", "/leads/territories", "/customers/{id}/contacts", "/customers/{id}/needs-analyses",
                // actions on no record version: their forms send none
                "/orders/{id}/acceptance/send", "/orders/{id}/progress-notes", "/orders/{id}/delays/customer-told");
        assertThat(guarded).allSatisfy(path -> assertThat(path).as("a record named in the path").contains("{"));
    }
}
