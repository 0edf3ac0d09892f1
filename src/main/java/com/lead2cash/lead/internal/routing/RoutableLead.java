package com.lead2cash.lead.internal.routing;

import com.lead2cash.lead.Grade;
import java.util.List;
import java.util.Objects;

/**
 * What routing (线索分配, {@link RoutingEngine}) looks at in a lead: its grade and the three territory
 * dimensions. A missing dimension only matches territories that accept any value in it.
 *
 * @param region the region as entered
 * @param regionLineage the codes of the administrative division the region names and of those above it,
 *     province first (330000, 330100, 330106); empty when the region names no division
 */
public record RoutableLead(Grade grade, String industry, String region, List<String> regionLineage,
                           String productLine) {

    public RoutableLead {
        Objects.requireNonNull(grade, "grade");
        regionLineage = regionLineage == null ? List.of() : List.copyOf(regionLineage);
    }

    /** A lead whose region is known only as text. */
    public RoutableLead(Grade grade, String industry, String region, String productLine) {
        this(grade, industry, region, List.of(), productLine);
    }

    /** The same lead routed as if it had another grade (the nurture batch routes C leads like B). */
    public RoutableLead withGrade(Grade other) {
        return new RoutableLead(other, industry, region, regionLineage, productLine);
    }
}
