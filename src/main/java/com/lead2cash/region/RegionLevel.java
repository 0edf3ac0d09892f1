package com.lead2cash.region;

/**
 * The level of an administrative division: 省级 (province, autonomous region, municipality), 地级
 * (prefecture city, 地区, 盟, autonomous prefecture) and 县级 (district, county, county-level city,
 * banner, and the development zones the statistics bureau lists there). {@link #UNRESOLVED} is text
 * that names no division we know, kept as entered.
 */
public enum RegionLevel {
    UNRESOLVED(0),
    PROVINCE(1),
    CITY(2),
    COUNTY(3);

    private final int specificity;

    RegionLevel(int specificity) {
        this.specificity = specificity;
    }

    /** 0 for unresolved text, then 1 (province) to 3 (county): the deeper, the more specific. */
    public int specificity() {
        return specificity;
    }
}
