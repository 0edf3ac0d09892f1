package com.lead2cash.customer.internal;

import java.util.UUID;
import org.springframework.data.repository.CrudRepository;

interface CustomerRepository extends CrudRepository<Customer, UUID> {
}
