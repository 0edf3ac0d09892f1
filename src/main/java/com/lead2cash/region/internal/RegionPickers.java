package com.lead2cash.region.internal;

import com.lead2cash.region.Region;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Builds the region picker for forms. Templates of any module call it as a bean, in a {@code th:with}
 * around the fragment (Thymeleaf does not evaluate beans inside a fragment inclusion):
 * {@code <div th:with="regionPicker=${@regionPickers.single('region', form.region)}">} and inside it
 * {@code <div th:replace="~{region/picker :: picker(${regionPicker})}">}.
 */
@Component("regionPickers")
public class RegionPickers {

    private static final Pattern FIELD = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,39}");

    private final ChinaRegions regions;

    RegionPickers(ChinaRegions regions) {
        this.regions = regions;
    }

    /** A picker for one region; {@code value} is a code or free text as posted (may be blank). */
    public RegionPicker single(String field, String value) {
        List<Region> chosen = chosen(value == null ? List.of() : List.of(value), false);
        return picker(field, false, chosen, chosen.isEmpty() ? null : chosen.get(0));
    }

    /** A picker for several regions (a territory's list); {@code values} are codes or free text. */
    public RegionPicker multiple(String field, Collection<String> values) {
        return picker(field, true, chosen(values == null ? List.of() : values, true), null);
    }

    /** After an interaction: drop or pick a region, or open the lists at another division. */
    RegionPicker interact(String field, boolean multiple, List<String> values, String pick, String drop, String browse) {
        List<Region> chosen = new ArrayList<>(chosen(values, multiple));
        Region browsing = null;
        if (drop != null) {
            chosen.removeIf(r -> RegionPicker.value(r).equals(drop));
        } else if (pick != null && !pick.isBlank()) {
            Region picked = multiple ? exactly(pick) : regions.resolve(pick).orElseThrow();
            if (!multiple) {
                chosen.clear();
            }
            if (chosen.stream().noneMatch(r -> RegionPicker.value(r).equals(RegionPicker.value(picked)))) {
                chosen.add(picked);
            }
            browsing = picked.resolved() ? picked : null;
        } else if (browse != null) {
            browsing = regions.byCode(browse).orElse(null);
            if (!multiple) {
                chosen.clear();
                if (browsing != null) {
                    chosen.add(browsing);
                }
            }
        }
        if (browsing == null && !multiple && !chosen.isEmpty()) {
            browsing = chosen.get(0);
        }
        return picker(field, multiple, chosen, browsing);
    }

    private List<Region> chosen(Collection<String> values, boolean multiple) {
        Map<String, Region> byValue = new LinkedHashMap<>();
        values.stream()
                .filter(v -> v != null && !v.isBlank())
                .map(v -> multiple ? Optional.of(exactly(v)) : regions.resolve(v))
                .flatMap(Optional::stream)
                .forEach(r -> byValue.putIfAbsent(RegionPicker.value(r), r));
        return List.copyOf(byValue.values());
    }

    /**
     * A list of divisions (a territory's) takes only text that names exactly one: 桥西区 alone is not
     * widened to 河北省 there, it stays text for the person to pick from.
     */
    private Region exactly(String value) {
        List<Region> candidates = regions.candidates(value);
        return candidates.size() == 1 ? candidates.get(0) : Region.unresolved(value);
    }

    static boolean isFieldName(String field) {
        return field != null && FIELD.matcher(field).matches();
    }

    private RegionPicker picker(String field, boolean multiple, List<Region> chosen, Region browsing) {
        if (!isFieldName(field)) {
            throw new IllegalArgumentException("Not a form field name: " + field);
        }
        List<Region> lineage = browsing == null || !browsing.resolved() ? List.of() : regions.lineage(browsing.code());
        String province = at(lineage, 0);
        String city = at(lineage, 1);
        String county = at(lineage, 2);
        List<Region> cities = province == null ? List.of() : regions.children(province);
        List<Region> counties = city == null ? List.of() : regions.children(city);
        return new RegionPicker(field, multiple, List.copyOf(chosen), browsing != null && browsing.resolved() ? browsing : null,
                regions.children(null), cities, counties, province, city, county);
    }

    private static String at(List<Region> lineage, int index) {
        return lineage.size() > index ? lineage.get(index).code() : null;
    }
}
