package com.lead2cash.notification.internal;

import java.util.UUID;
import org.springframework.data.repository.CrudRepository;

interface NotificationPreferenceRepository extends CrudRepository<NotificationPreference, UUID> {
}
