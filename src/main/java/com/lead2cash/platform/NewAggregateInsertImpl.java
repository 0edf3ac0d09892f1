package com.lead2cash.platform;

/** The implementation Spring Data finds for the {@link NewAggregateInsert} fragment (by its name). */
class NewAggregateInsertImpl<T> implements NewAggregateInsert<T> {

    private final NewAggregateInserts inserts;

    NewAggregateInsertImpl(NewAggregateInserts inserts) {
        this.inserts = inserts;
    }

    @Override
    public <S extends T> S save(S aggregate) {
        return inserts.save(aggregate);
    }
}
