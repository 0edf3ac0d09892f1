package com.lead2cash.notification.internal.domain;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.CrudRepository;

public interface NotificationRobotRepository extends CrudRepository<NotificationRobot, UUID> {

    @Query("select * from notification_robot order by lower(name)")
    List<NotificationRobot> findAllByName();

    @Query("select * from notification_robot where enabled")
    List<NotificationRobot> findEnabled();
}
