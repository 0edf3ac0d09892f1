package com.lead2cash.region;

import java.util.Objects;

/**
 * A region (地区) as a record keeps it: the administrative division it names (six-digit code, level and
 * names) together with the text as it was entered — or, when the text names no division we can pin
 * down, only that text ({@link RegionLevel#UNRESOLVED}), so nothing a person typed is lost.
 *
 * @param code six digits (330106), null when unresolved
 * @param name the full name (浙江省杭州市西湖区, 上海市浦东新区); the text as entered when unresolved
 * @param provinceName 浙江省, null when unresolved
 * @param cityName 杭州市; null for a province, for a county directly under a municipality or province
 *     (上海市浦东新区, 河南省济源市), and when unresolved
 * @param countyName 西湖区, null above county level and when unresolved
 * @param entered the text as entered (杭州西湖), or the full name when the region was chosen by code
 */
public record Region(
        String code,
        RegionLevel level,
        String name,
        String provinceName,
        String cityName,
        String countyName,
        String entered) {

    public Region {
        Objects.requireNonNull(level, "level");
        if (entered == null || entered.isBlank()) {
            throw new IllegalArgumentException("A region keeps the text it was entered as");
        }
        if ((level == RegionLevel.UNRESOLVED) != (code == null)) {
            throw new IllegalArgumentException("A region has a code exactly when it is resolved");
        }
        if (code != null && !code.matches("\\d{6}")) {
            throw new IllegalArgumentException("A division code has six digits: " + code);
        }
        if (level == RegionLevel.UNRESOLVED) {
            name = entered;
            provinceName = null;
            cityName = null;
            countyName = null;
        } else {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(provinceName, "provinceName");
        }
    }

    /** Text that names no division (or names several in different provinces), kept as entered. */
    public static Region unresolved(String entered) {
        return new Region(null, RegionLevel.UNRESOLVED, null, null, null, null, entered == null ? null : entered.strip());
    }

    public boolean resolved() {
        return level != RegionLevel.UNRESOLVED;
    }

    public int specificity() {
        return level.specificity();
    }

    /** The same division, remembered as entered in other words. */
    public Region enteredAs(String text) {
        return new Region(code, level, name, provinceName, cityName, countyName, text.strip());
    }
}
