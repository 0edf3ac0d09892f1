package com.lead2cash.lead.internal;

import com.lead2cash.lead.internal.domain.LeadRules;
import com.lead2cash.sop.SopPolicy;
import org.springframework.context.annotation.Configuration;

/** The lead module's start: its rules record is checked against the rule catalogue now, not at first use. */
@Configuration(proxyBeanMethods = false)
public class LeadConfiguration {

    LeadConfiguration() {
        SopPolicy.defaults().bind(LeadRules.class);
    }
}
