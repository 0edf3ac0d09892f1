package com.lead2cash.customer.internal;

import com.lead2cash.customer.internal.domain.CustomerRules;
import com.lead2cash.customer.internal.domain.FollowUpCadence;
import com.lead2cash.customer.internal.domain.PrivateHolding;
import com.lead2cash.sop.PolicySnapshot;
import com.lead2cash.sop.SopPolicy;
import java.math.BigDecimal;
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
        return new CustomerRules(
                p.value("C1", "gradeAMinScore", Integer.class), p.value("C1", "gradeBMinScore", Integer.class),
                p.value("C2", "gradeADays", Integer.class), p.value("C2", "gradeBDays", Integer.class),
                p.value("C2", "gradeCDays", Integer.class),
                p.value("C3", "gradeADays", Integer.class), p.value("C3", "gradeBDays", Integer.class),
                p.value("C3", "gradeCDays", Integer.class),
                p.deadlineWindow("C4"), p.deadlineWindow("C5"),
                p.value("C7", "enabled", Boolean.class), p.value("C7", "cadenceMultiple", Integer.class),
                p.value("C7", "maxPrivateCustomers", Integer.class), p.value("C7", "reclaimCooldownDays", Integer.class),
                p.value("C8", "creditApprovalThreshold", BigDecimal.class));
    }
}
