package com.lead2cash.customer.internal;

import com.lead2cash.customer.internal.domain.CustomerRules;
import com.lead2cash.customer.internal.domain.FollowUpCadence;
import com.lead2cash.customer.internal.domain.PrivateHolding;
import com.lead2cash.sop.PolicySnapshot;
import com.lead2cash.sop.SopPolicy;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The customer rules (C1–C8) of the current SOP policy version, as the customer module's own typed record. */
@Component
public class CustomerPolicy {

    private final SopPolicy policy;
    private final ZoneId zone;

    CustomerPolicy(SopPolicy policy, @Value("${l2c.zone}") ZoneId zone) {
        this.policy = policy;
        this.zone = zone;
        // the record is checked against the rule catalogue when the module starts, not at the first request
        read(SopPolicy.defaults());
    }

    public CustomerRules rules() {
        return read(policy.current());
    }

    public FollowUpCadence cadence() {
        return rules().cadence(zone);
    }

    public PrivateHolding holding() {
        return rules().holding(zone);
    }

    public ZoneId zone() {
        return zone;
    }

    static CustomerRules read(PolicySnapshot p) {
        return p.bind(CustomerRules.class);
    }
}
