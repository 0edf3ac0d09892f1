package com.lead2cash.lead.internal;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The lead module's routines run on Spring's scheduler; exactly-once is guarded in the database. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class LeadConfiguration {
}
