package com.lead2cash.customer.internal.domain;

/**
 * How {@link CustomerRepository} saves a customer: a new one with one plain insert
 * ({@link com.lead2cash.platform.NewAggregateInserts}), an existing one through Spring Data.
 */
interface NewCustomerInsert {

    <S extends Customer> S save(S customer);
}
