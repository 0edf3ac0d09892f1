package com.lead2cash.customer.internal.domain;

import com.lead2cash.platform.NewAggregateInserts;

class NewContactInsertImpl implements NewContactInsert {

    private final NewAggregateInserts inserts;

    NewContactInsertImpl(NewAggregateInserts inserts) {
        this.inserts = inserts;
        inserts.prepare(Contact.class);
    }

    @Override
    public <S extends Contact> S save(S contact) {
        return inserts.save(contact);
    }
}
