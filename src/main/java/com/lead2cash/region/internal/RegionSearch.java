package com.lead2cash.region.internal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Search for the region picker (地区选择): by a Chinese fragment of a division's name (杭, 杭州, 浙江杭 —
 * a province or city first, then the start of a name inside it), by full pinyin (hangzhou) or by pinyin
 * initials (hz). Every key is computed once when the index is built; a query scans a few thousand keys.
 */
final class RegionSearch {

    private record Entry(Division division, List<String> chinese, List<String> latin) {
    }

    /** How well an entry answers a query: the name itself before a name that starts with it. */
    private record Hit(Division division, boolean exact) {
    }

    private static final Comparator<Hit> RANKING = Comparator
            .comparing((Hit hit) -> !hit.exact())
            .thenComparingInt(hit -> hit.division().level().specificity())
            .thenComparing(hit -> hit.division().code());

    private final List<Entry> entries = new ArrayList<>();
    private final RegionResolver resolver;

    private static final class Standard {
        static final RegionSearch INSTANCE = new RegionSearch(DivisionCatalog.standard(), RegionResolver.standard());
    }

    static RegionSearch standard() {
        return Standard.INSTANCE;
    }

    RegionSearch(DivisionCatalog catalog, RegionResolver resolver) {
        this.resolver = resolver;
        for (Division d : catalog.all()) {
            List<String> chinese = new ArrayList<>();
            chinese.add(d.name());
            chinese.addAll(d.aliases());
            List<String> latin = new ArrayList<>();
            for (String name : chinese) {
                List<String> syllables = PlaceNameReadings.syllables(name);
                latin.add(String.join("", syllables));
                latin.add(syllables.stream().map(s -> s.substring(0, 1)).reduce("", String::concat));
            }
            entries.add(new Entry(d, List.copyOf(chinese), latin.stream().distinct().toList()));
        }
    }

    List<Division> search(String query, int limit) {
        String q = normalise(query);
        if (q.isEmpty() || limit <= 0) {
            return List.of();
        }
        Map<Division, Hit> hits = new LinkedHashMap<>();
        if (q.chars().allMatch(Character::isDigit)) {
            resolver.resolution(q).candidates().forEach(d -> hits.put(d, new Hit(d, true)));
        } else if (q.chars().allMatch(c -> c < 128)) {
            for (Entry e : entries) {
                match(e.division(), e.latin(), q, hits, null);
            }
        } else {
            searchChinese(q, hits);
        }
        return hits.values().stream().sorted(RANKING).limit(limit).map(Hit::division).toList();
    }

    private void searchChinese(String q, Map<Division, Hit> hits) {
        // the whole text names a division: that one first
        resolver.resolution(q).candidates().forEach(d -> hits.put(d, new Hit(d, true)));
        for (Entry e : entries) {
            match(e.division(), e.chinese(), q, hits, null);
        }
        // 浙江杭: the longest start that names a division, then the rest as the start of a name inside it
        for (int split = q.length() - 1; split >= 2 && hits.isEmpty(); split--) {
            Optional<Division> within = Optional.ofNullable(resolver.resolution(q.substring(0, split)).division());
            if (within.isPresent()) {
                String rest = q.substring(split);
                for (Entry e : entries) {
                    match(e.division(), e.chinese(), rest, hits, within.get());
                }
            }
        }
    }

    private static void match(Division d, List<String> keys, String q, Map<Division, Hit> hits, Division within) {
        if (within != null && (d == within || !d.isWithin(within))) {
            return;
        }
        boolean exact = keys.stream().anyMatch(q::equals);
        if (exact || keys.stream().anyMatch(k -> k.startsWith(q))) {
            hits.merge(d, new Hit(d, exact), (a, b) -> a.exact() ? a : b);
        }
    }

    private static String normalise(String query) {
        if (query == null) {
            return "";
        }
        return RegionResolver.normalise(Normalizer.normalize(query, Normalizer.Form.NFKC))
                .toLowerCase(Locale.ROOT)
                .replace('ü', 'v');
    }
}
