package com.lead2cash.region.internal;

import com.lead2cash.platform.CodeNames;
import com.lead2cash.region.Region;
import com.lead2cash.region.Regions;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * An administrative division's code (a lead's or customer's region, a territory's regions) by the division's full
 * name, as the region pickers show it (上海市, 浙江省杭州市西湖区): the shipped data names divisions in Chinese only, so
 * in every language.
 */
@Component
class RegionCodeNames implements CodeNames {

    static final String KIND = "Region";

    private final Regions regions;

    RegionCodeNames(Regions regions) {
        this.regions = regions;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Map<String, String> names(Collection<String> codes, Locale locale) {
        Map<String, String> names = new LinkedHashMap<>();
        for (String code : codes) {
            if (code != null && code.matches("\\d{2}(?:\\d{2}){0,2}")) {
                regions.byCode(code).map(Region::name).ifPresent(name -> names.put(code, name));
            }
        }
        return names;
    }
}
