package com.lead2cash.lead.internal;

import com.lead2cash.sop.SopPolicy;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The lead module's routines run on Spring's scheduler; exactly-once is guarded in the database. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class LeadConfiguration {

    LeadConfiguration() {
        // the rules record is checked against the rule catalogue when the module starts, not at first use
        SopPolicy.defaults().bind(LeadRules.class);
    }
}
