package com.lead2cash.customer.internal.domain;

import com.lead2cash.platform.NewAggregateInserts;

class NewCustomerInsertImpl implements NewCustomerInsert {

    private final NewAggregateInserts inserts;

    NewCustomerInsertImpl(NewAggregateInserts inserts) {
        this.inserts = inserts;
        inserts.prepare(Customer.class);
    }

    @Override
    public <S extends Customer> S save(S customer) {
        return inserts.save(customer);
    }
}
