package com.lead2cash.region.internal;

import com.lead2cash.region.Region;
import com.lead2cash.region.RegionLevel;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads free text as an administrative division (行政区划解析). A pure function of the shipped data.
 *
 * <p>The text is read as a chain of names, each a division inside the one before it (浙江省 杭州市 西湖区;
 * levels may be skipped: 浙江西湖区), each name written in full (杭州市) or short (杭州). The whole text
 * must be read, except that an address may follow a chain of at least two names ending in a name written
 * in full (浙江省杭州市西湖区文三路 90 号 → 西湖区; 南京市场部 stays unresolved). The last name of the chain
 * is what the text means. When several readings remain:
 *
 * <ol>
 *   <li>the highest level wins: a short name means the biggest division bearing it (海南 is 海南省, not
 *       青海's 海南藏族自治州; 吉林 is 吉林省; 朝阳 is 辽宁's 朝阳市 — write 北京朝阳 for the district);
 *   <li>of readings at one level, the text resolves to the most specific division that contains them all
 *       (桥西区 is in 石家庄市 and 张家口市, both in 河北省: it resolves to 河北省);
 *   <li>when nothing contains them all — a county name shared by cities of different provinces, such as
 *       西湖区 (杭州, 南昌) or 朝阳区 (北京, 长春) — the text stays unresolved and the candidates say why.
 * </ol>
 *
 * <p>So a county name is never read as its namesake city: 朝阳区 never becomes 辽宁朝阳市, because a name
 * written with a suffix only matches divisions of exactly that name.
 */
final class RegionResolver {

    private static final Pattern SEPARATORS =
            Pattern.compile("[\\s,，、/\\\\|·•.。;；:：\\-—–_()（）\\[\\]【】<>《》\"'“”‘’>＞]+");
    private static final List<String> COUNTRY_PREFIXES = List.of("中华人民共和国", "中国");

    private final DivisionCatalog catalog;
    /** Full and short names to the divisions bearing them. */
    private final Map<String, List<NameMatch>> names = new HashMap<>();
    private final int longestName;

    private record NameMatch(Division division, boolean full) {
    }

    /** One reading of the text: the division it ends in and where in the text its last name ended. */
    private record Reading(Division division, int end) {
    }

    /** What the text resolves to; {@code candidates} are the readings behind an unresolved answer. */
    record Resolution(Division division, List<Division> candidates) {

        boolean resolved() {
            return division != null;
        }
    }

    private static final class Standard {
        static final RegionResolver INSTANCE = new RegionResolver(DivisionCatalog.standard());
    }

    /** The resolver of the shipped data. */
    static RegionResolver standard() {
        return Standard.INSTANCE;
    }

    RegionResolver(DivisionCatalog catalog) {
        this.catalog = catalog;
        int longest = 0;
        for (Division d : catalog.all()) {
            index(d.name(), d, true);
            for (String alias : d.aliases()) {
                index(alias, d, false);
            }
            longest = Math.max(longest, d.name().length());
        }
        for (Division province : catalog.provinces()) {
            for (String placeholder : province.placeholderNames()) {
                longest = Math.max(longest, placeholder.length());
            }
        }
        this.longestName = longest;
    }

    private void index(String name, Division division, boolean full) {
        names.computeIfAbsent(name, k -> new ArrayList<>()).add(new NameMatch(division, full));
    }

    /** The region the text names, or the text kept as an unresolved region. Empty for blank text only. */
    Optional<Region> resolve(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String entered = text.strip();
        Resolution resolution = resolution(entered);
        if (!resolution.resolved()) {
            return Optional.of(Region.unresolved(entered));
        }
        // a code is how a picker chooses, not what a person wrote: keep the name it stands for
        boolean code = normalise(entered).chars().allMatch(Character::isDigit);
        return Optional.of(code ? resolution.division().region() : resolution.division().regionEnteredAs(entered));
    }

    Resolution resolution(String text) {
        String key = normalise(text);
        if (key.isEmpty()) {
            return new Resolution(null, List.of());
        }
        if (key.chars().allMatch(Character::isDigit)) {
            Optional<Division> byCode = catalog.byCode(key);
            return new Resolution(byCode.orElse(null), byCode.map(List::of).orElse(List.of()));
        }
        List<Reading> complete = new ArrayList<>();
        List<Reading> withAddress = new ArrayList<>();
        read(key, 0, null, 0, false, false, complete, withAddress);
        if (!complete.isEmpty()) {
            return decide(complete);
        }
        // of readings followed by an address, those that read the most names of divisions
        int furthest = withAddress.stream().mapToInt(Reading::end).max().orElse(0);
        return decide(withAddress.stream().filter(r -> r.end() == furthest).toList());
    }

    static String normalise(String text) {
        String s = SEPARATORS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKC)).replaceAll("");
        for (String prefix : COUNTRY_PREFIXES) {
            if (s.startsWith(prefix) && s.length() > prefix.length()) {
                return s.substring(prefix.length());
            }
        }
        return s;
    }

    private void read(String text, int from, Division last, int count, boolean lastInFull, boolean placeholderRead,
                      List<Reading> complete, List<Reading> withAddress) {
        if (from == text.length()) {
            if (last != null) {
                complete.add(new Reading(last, from));
            }
            return;
        }
        if (last != null && count >= 2 && lastInFull) {
            withAddress.add(new Reading(last, from));
        }
        int maxEnd = Math.min(text.length(), from + longestName);
        for (int end = from + 1; end <= maxEnd; end++) {
            String name = text.substring(from, end);
            for (NameMatch match : names.getOrDefault(name, List.of())) {
                Division next = match.division();
                if (last == null || (next != last && next.isWithin(last))) {
                    read(text, end, next, count + 1, match.full(), placeholderRead, complete, withAddress);
                }
            }
            // 上海市市辖区浦东新区, 重庆市县城口县: a placeholder prefecture after its province adds nothing
            if (!placeholderRead && last != null && last.level() == RegionLevel.PROVINCE
                    && last.placeholderNames().contains(name)) {
                read(text, end, last, count, lastInFull, true, complete, withAddress);
            }
        }
    }

    private static Resolution decide(List<Reading> readings) {
        if (readings.isEmpty()) {
            return new Resolution(null, List.of());
        }
        int highest = readings.stream().mapToInt(r -> r.division().level().specificity()).min().orElseThrow();
        Set<Division> meant = new LinkedHashSet<>();
        readings.stream()
                .map(Reading::division)
                .filter(d -> d.level().specificity() == highest)
                .sorted(Comparator.comparing(Division::code))
                .forEach(meant::add);
        List<Division> candidates = List.copyOf(meant);
        if (candidates.size() == 1) {
            return new Resolution(candidates.get(0), candidates);
        }
        return new Resolution(commonAncestor(candidates), candidates);
    }

    /** The deepest division containing all of them, or null when they lie in different provinces. */
    private static Division commonAncestor(List<Division> divisions) {
        for (Division d = divisions.get(0); d != null; d = d.parent()) {
            Division candidate = d;
            if (divisions.stream().allMatch(other -> other.isWithin(candidate))) {
                return candidate;
            }
        }
        return null;
    }
}
