package com.lead2cash.lead.internal.routing;

import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A sales territory (销售辖区) as routing ({@link RoutingEngine}) matches it: the leads of some industries, regions and product lines
 * and the reps who work them. An empty set accepts any value in that dimension, so a territory with
 * all three empty catches every lead no more specific territory takes.
 *
 * <p>A region is a six-digit administrative division code (330000 浙江省), covering its cities and
 * counties; any other entry is text kept from before regions were divisions, matched as text.
 *
 * @param managerId the manager who takes the territory's leads when no rep is eligible, or null for
 *     the general manager queue
 * @param memberIds the reps of the territory
 */
public record Territory(
        UUID id,
        String name,
        Set<String> industries,
        Set<String> regions,
        Set<String> productLines,
        UUID managerId,
        Set<UUID> memberIds) {

    public Territory {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        industries = criteria(industries, "industries");
        regions = criteria(regions, "regions");
        productLines = criteria(productLines, "productLines");
        memberIds = Set.copyOf(memberIds);
    }

    /** A six-digit administrative division code, as opposed to region text kept from before. */
    static boolean isDivisionCode(String region) {
        return region.length() == 6 && region.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private static Set<String> criteria(Set<String> values, String dimension) {
        // a blank entry would match leads missing the value and so silently widen the territory
        if (values.stream().anyMatch(value -> value == null || value.isBlank())) {
            throw new IllegalArgumentException("Territory " + dimension + " must not contain blank values");
        }
        return Set.copyOf(values);
    }
}
