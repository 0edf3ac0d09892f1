package com.lead2cash.region;

import java.util.List;
import java.util.Optional;

/**
 * China's administrative divisions (行政区划) for the other modules: resolve free text, look up a code,
 * ask whether one division covers another, and search for pickers. All answers come from data shipped
 * with the application; nothing here touches the database.
 */
public interface Regions {

    /**
     * Resolves free text ("浙江省杭州市", "杭州", "北京朝阳区", "广西", a code such as "330106") to the most
     * specific division it names unambiguously. Text that names nothing we know, or a county name shared
     * by cities of different provinces without its city ("西湖区"), comes back unresolved with the text
     * kept. A known code comes back entered as the division's full name. Empty only for blank text.
     */
    Optional<Region> resolve(String text);

    /**
     * The divisions the text could mean: the one it resolves to, or — for ambiguous text — each
     * division it might name (西湖区: 浙江省杭州市西湖区 and 江西省南昌市西湖区), so a warning can say which.
     */
    List<Region> candidates(String text);

    /** A division by its code of 2, 4 or 6 digits (33, 3301, 330106). */
    Optional<Region> byCode(String code);

    /** The division with this code, or the text kept as an unresolved region when the code is unknown. */
    Region byCodeOrUnresolved(String code);

    /**
     * Whether the division {@code ancestorCode} covers {@code code}: itself, or one of its cities or
     * counties (a province covers its cities and counties, a city its counties). False for unknown codes.
     */
    boolean covers(String ancestorCode, String code);

    /**
     * The division and those above it, province first: 330106 → 浙江省, 杭州市, 西湖区; 310115 → 上海市, 浦东新区.
     * Empty for an unknown code.
     */
    List<Region> lineage(String code);

    /** 1 for a province, 2 for a city, 3 for a county, 0 for an unknown code. */
    int specificity(String code);

    /** The provinces ({@code parentCode} null) or the divisions directly under one, in code order. */
    List<Region> children(String parentCode);

    /**
     * Divisions for a picker: the query is a Chinese fragment (杭州, 浙江杭), full pinyin (hangzhou) or
     * pinyin initials (hz); best matches first.
     */
    List<Region> search(String query, int limit);
}
