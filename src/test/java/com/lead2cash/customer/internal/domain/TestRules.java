package com.lead2cash.customer.internal.domain;

import com.lead2cash.sop.BusinessDuration;
import com.lead2cash.sop.DeadlineWindow;
import java.math.BigDecimal;
import java.time.ZoneId;

/** The customer rules as the SOP rule catalogue's defaults set them, built by hand for pure domain tests. */
final class TestRules {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private TestRules() {
    }

    static CustomerRules defaults() {
        return new CustomerRules(10, 7, 7, 14, 30, 1, 2, 7,
                DeadlineWindow.calendar(BusinessDuration.ofHours(24)), DeadlineWindow.calendar(BusinessDuration.ofHours(24)),
                true, 2, 200, 30, new BigDecimal("500000"));
    }

    static FollowUpCadence cadence() {
        return defaults().cadence(SHANGHAI);
    }
}
