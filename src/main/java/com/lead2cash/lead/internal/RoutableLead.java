package com.lead2cash.lead.internal;

import com.lead2cash.lead.Grade;
import java.util.Objects;

/**
 * What routing (线索分配, {@link RoutingEngine}) looks at in a lead: its grade and the three territory
 * dimensions. A missing dimension only matches territories that accept any value in it.
 */
public record RoutableLead(Grade grade, String industry, String region, String productLine) {

    public RoutableLead {
        Objects.requireNonNull(grade, "grade");
    }
}
