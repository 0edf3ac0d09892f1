package com.lead2cash.notification.internal;

import com.lead2cash.platform.NavigationEntry;
import com.lead2cash.platform.Role;
import java.util.Set;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The delivery worker and the digest run on Spring's scheduler; both are cluster-safe through the database. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(NotificationProperties.class)
class NotificationConfiguration {

    @Bean
    NavigationEntry robotsNavigation() {
        return new NavigationEntry("notification.nav.robots", "/admin/integrations/robots", 950, Set.of(Role.ADMIN));
    }
}
