package com.lead2cash.customer.internal;

import com.lead2cash.customer.OpenBusiness;
import com.lead2cash.customer.internal.domain.Customer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Asks every module that keeps business with customers ({@link OpenBusiness}) what is still open: one
 * rule for marking a customer lost, releasing it and C7's sweep returning it to the pool.
 */
@Component
public class OpenBusinessCheck {

    private final List<OpenBusiness> modules;

    OpenBusinessCheck(List<OpenBusiness> modules) {
        this.modules = modules;
    }

    /** What is open with the customer; nothing asked of a customer in the pool or merged (it has no owner to keep it). */
    public List<OpenBusiness.Fact> of(Customer c) {
        if (c.ownerId() == null || c.mergedIntoId() != null) {
            return List.of();
        }
        List<OpenBusiness.Fact> facts = new ArrayList<>();
        for (OpenBusiness module : modules) {
            facts.addAll(module.of(List.of(c.id())).getOrDefault(c.id(), List.of()));
        }
        return facts;
    }

    /** Those of the customers with anything open. */
    public Set<UUID> among(Collection<UUID> customerIds) {
        Set<UUID> open = new HashSet<>();
        if (!customerIds.isEmpty()) {
            for (OpenBusiness module : modules) {
                open.addAll(module.of(customerIds).keySet());
            }
        }
        return open;
    }
}
