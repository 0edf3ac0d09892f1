package com.lead2cash.customer.internal.domain;

import org.springframework.data.relational.core.mapping.event.AfterConvertCallback;
import org.springframework.stereotype.Component;

/**
 * A customer read from the database holds its name key by the current rule ({@code CompanyNames}), so
 * a customer loaded before the name-key backfill reached it and saved after does not put the older key back.
 */
@Component
class CustomerNameKeyOnLoad implements AfterConvertCallback<Customer> {

    @Override
    public Customer onAfterConvert(Customer customer) {
        customer.refreshNameKey();
        return customer;
    }
}
