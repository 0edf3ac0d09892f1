package com.lead2cash.customer.internal.domain;

/**
 * How {@link ContactRepository} saves a contact: a new one with one plain insert
 * ({@link com.lead2cash.platform.NewAggregateInserts}), an existing one through Spring Data.
 */
interface NewContactInsert {

    <S extends Contact> S save(S contact);
}
