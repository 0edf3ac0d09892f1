package com.lead2cash.notification.internal.domain;

import java.util.UUID;
import org.springframework.data.repository.CrudRepository;

public interface NotificationPreferenceRepository extends CrudRepository<NotificationPreference, UUID> {
}
