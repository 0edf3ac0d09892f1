package com.lead2cash.platform;

/**
 * A repository fragment: {@code interface CustomerRepository extends CrudRepository<Customer, UUID>,
 * NewAggregateInsert<Customer>} saves a new aggregate with one plain insert ({@link NewAggregateInserts})
 * and an existing one through Spring Data. The types of such repositories are checked at start-up.
 */
public interface NewAggregateInsert<T> {

    <S extends T> S save(S aggregate);
}
