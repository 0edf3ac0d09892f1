package com.lead2cash.region.internal;

import com.lead2cash.region.Region;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the region picker (地区选择) shows: the chosen divisions (or text kept as entered), and the
 * province → city → county lists opened at {@code browsing}. Rendered by {@code region/picker :: picker}.
 *
 * @param field the form field the picker posts: a division code, or the text as typed when nothing was picked
 * @param multiple several divisions (a territory) or one (a lead)
 * @param browsing the division the lists are opened at, null for none
 */
public record RegionPicker(
        String field,
        boolean multiple,
        List<Region> selected,
        Region browsing,
        List<Region> provinces,
        List<Region> cities,
        List<Region> counties,
        String provinceCode,
        String cityCode,
        String countyCode) {

    public String id() {
        return "region-picker-" + field;
    }

    /** The value posted for a chosen region: its code, or the text as entered when it names no division. */
    public static String value(Region region) {
        return region.resolved() ? region.code() : region.entered();
    }

    /** {@link #value(Region)} for templates. */
    public String valueOf(Region region) {
        return value(region);
    }

    /** hx-vals for a request that picks or drops a region (JSON, so typed text travels safely). */
    public String vals(String action, String value) {
        return JsonMapper.shared().writeValueAsString(Map.of("picker." + action, value));
    }

    RegionPicker withMultiple(boolean several) {
        return new RegionPicker(field, several, selected, browsing, provinces, cities, counties, provinceCode, cityCode,
                countyCode);
    }

    /** hx-vals naming the list that changed. */
    public String changed(String list) {
        return vals("changed", list);
    }
}
