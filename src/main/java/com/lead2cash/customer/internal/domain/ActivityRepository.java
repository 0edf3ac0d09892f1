package com.lead2cash.customer.internal.domain;

import java.util.UUID;
import org.springframework.data.repository.CrudRepository;

public interface ActivityRepository extends CrudRepository<Activity, UUID> {
}
