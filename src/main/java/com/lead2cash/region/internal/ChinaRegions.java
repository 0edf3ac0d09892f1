package com.lead2cash.region.internal;

import com.lead2cash.region.Region;
import com.lead2cash.region.Regions;
import java.util.LinkedList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** China's administrative divisions from the shipped data; the search index is built at startup. */
@Service
class ChinaRegions implements Regions {

    private final DivisionCatalog catalog;
    private final RegionResolver resolver;
    private final RegionSearch search;

    ChinaRegions() {
        this.catalog = DivisionCatalog.standard();
        this.search = RegionSearch.standard();
        this.resolver = RegionResolver.standard();
    }

    @Override
    public Optional<Region> resolve(String text) {
        return resolver.resolve(text);
    }

    @Override
    public List<Region> candidates(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return resolver.resolution(text).candidates().stream().map(Division::region).toList();
    }

    @Override
    public Optional<Region> byCode(String code) {
        return catalog.byCode(code).map(Division::region);
    }

    @Override
    public Region byCodeOrUnresolved(String code) {
        return byCode(code).orElseGet(() -> Region.unresolved(code));
    }

    @Override
    public boolean covers(String ancestorCode, String code) {
        Optional<Division> ancestor = catalog.byCode(ancestorCode);
        Optional<Division> division = catalog.byCode(code);
        return ancestor.isPresent() && division.isPresent() && division.get().isWithin(ancestor.get());
    }

    @Override
    public int specificity(String code) {
        return catalog.byCode(code).map(d -> d.level().specificity()).orElse(0);
    }

    @Override
    public List<Region> children(String parentCode) {
        if (parentCode == null || parentCode.isBlank()) {
            return catalog.provinces().stream().map(Division::region).toList();
        }
        return catalog.byCode(parentCode).stream()
                .flatMap(d -> d.children().stream())
                .map(Division::region)
                .toList();
    }

    @Override
    public List<Region> search(String query, int limit) {
        return search.search(query, limit).stream().map(Division::region).toList();
    }

    @Override
    public List<Region> lineage(String code) {
        return catalog.byCode(code).map(ChinaRegions::lineage).orElse(List.of());
    }

    private static List<Region> lineage(Division d) {
        LinkedList<Region> chain = new LinkedList<>();
        for (Division x = d; x != null; x = x.parent()) {
            chain.addFirst(x.region());
        }
        return List.copyOf(chain);
    }

    /** The code of the division directly above, null for a province or an unknown code. */
    String parentCode(String code) {
        return catalog.byCode(code).map(Division::parent).map(Division::code).orElse(null);
    }

    /** Whether a division has divisions under it (a county has none; 东莞市 has none either). */
    boolean hasChildren(String code) {
        return catalog.byCode(code).map(d -> !d.children().isEmpty()).orElse(false);
    }
}
