package com.lead2cash.platform.internal;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.annotation.EnableTransactionManagement;

@Configuration(proxyBeanMethods = false)
@EnableTransactionManagement
class PlatformConfiguration {

    /**
     * All business time comes from this clock, so tests can move it instead of sleeping. It ticks in
     * microseconds, the database's precision, so a time answered before and after a save is the same
     * ({@link MicrosecondClock}).
     */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return new MicrosecondClock(Clock.systemUTC());
    }
}
