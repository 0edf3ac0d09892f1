package com.lead2cash.receivable.internal;

import com.lead2cash.sop.SopPolicy;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The receivable rules (P1–P2) of the current SOP policy version, and the company's "today". */
@Component
public class ReceivablePolicy {

    private final SopPolicy policy;
    private final ZoneId zone;
    private final Clock clock;

    ReceivablePolicy(SopPolicy policy, @Value("${l2c.zone}") ZoneId zone, Clock clock) {
        this.policy = policy;
        this.zone = zone;
        this.clock = clock;
        // checked against the rule catalogue when the module starts, not at the first request
        SopPolicy.defaults().bind(ReceivableRules.class);
    }

    public ReceivableRules rules() {
        return policy.current().bind(ReceivableRules.class);
    }

    public ZoneId zone() {
        return zone;
    }

    public Instant now() {
        return clock.instant();
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }
}
