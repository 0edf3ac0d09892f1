package com.lead2cash.customer.internal.domain;

import com.lead2cash.sop.SopPolicy;
import java.time.ZoneId;

/** The customer rules as the SOP rule catalogue's defaults set them, for pure domain tests. */
final class TestRules {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private TestRules() {
    }

    static CustomerRules defaults() {
        return SopPolicy.defaults().bind(CustomerRules.class);
    }

    static FollowUpCadence cadence() {
        return defaults().cadence(SHANGHAI);
    }
}
