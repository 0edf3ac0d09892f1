package com.lead2cash.notification.internal;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.CrudRepository;

interface NotificationRobotRepository extends CrudRepository<NotificationRobot, UUID> {

    @Query("select * from notification_robot order by lower(name)")
    List<NotificationRobot> findAllByName();

    @Query("select * from notification_robot where enabled")
    List<NotificationRobot> findEnabled();
}
