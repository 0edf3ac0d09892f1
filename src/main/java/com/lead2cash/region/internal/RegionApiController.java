package com.lead2cash.region.internal;

import com.lead2cash.platform.FieldValidationException;
import com.lead2cash.platform.RecordNotFoundException;
import com.lead2cash.region.Region;
import com.lead2cash.region.RegionLevel;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import com.lead2cash.platform.web.Refuses;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** China's administrative divisions over the API, for pickers and integrations; anyone signed in reads them. */
@RestController
@RequestMapping("/api/v1/regions")
@Tag(name = "Regions", description = "China's administrative divisions (行政区划): search, look up, resolve free text")
class RegionApiController {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 50;

    /** A division: six-digit code, level, full name and the names of its levels; parentCode null for a province. */
    record RegionDto(String code, RegionLevel level, String name, String provinceName, String cityName,
                     String countyName, String parentCode, boolean hasChildren) {
    }

    record RegionList(List<RegionDto> items) {
    }

    /**
     * How text resolves: the division's fields when resolved (code null and level UNRESOLVED when not),
     * the text as entered, and the divisions an ambiguous text could mean.
     */
    record Resolution(String code, RegionLevel level, String name, String provinceName, String cityName,
                      String countyName, String entered, boolean resolved, List<RegionDto> candidates) {
    }

    private final ChinaRegions regions;

    RegionApiController(ChinaRegions regions) {
        this.regions = regions;
    }

    @GetMapping
    @Refuses(404)
    @Operation(summary = "Search divisions (q: Chinese fragment, pinyin or initials), or list the divisions under parent (none: the provinces)")
    RegionList list(@RequestParam(required = false) String q, @RequestParam(required = false) String parent,
                    @RequestParam(required = false) Integer limit) {
        if (q != null && !q.isBlank()) {
            int size = limit == null ? DEFAULT_LIMIT : Math.max(1, Math.min(limit, MAX_LIMIT));
            return new RegionList(dtos(regions.search(q, size)));
        }
        if (parent != null && !parent.isBlank() && regions.byCode(parent).isEmpty()) {
            throw new RecordNotFoundException("Region", parent);
        }
        return new RegionList(dtos(regions.children(parent)));
    }

    @GetMapping("/resolve")
    @Refuses(422)
    @Operation(summary = "Resolve free text (a province, city or county name in Chinese, with or without suffixes, or a code) to a division; unresolvable text comes back as entered")
    Resolution resolve(@RequestParam String text) {
        Region region = regions.resolve(text).orElseThrow(() -> new FieldValidationException("text", "region.text.blank"));
        List<RegionDto> candidates = dtos(regions.candidates(text));
        return new Resolution(region.code(), region.level(), region.name(), region.provinceName(), region.cityName(),
                region.countyName(), region.entered(), region.resolved(), candidates);
    }

    @GetMapping("/{code}")
    @Operation(summary = "One division by its code of 2, 4 or 6 digits")
    RegionDto get(@PathVariable String code) {
        return regions.byCode(code).map(this::dto).orElseThrow(() -> new RecordNotFoundException("Region", code));
    }

    private List<RegionDto> dtos(List<Region> list) {
        return list.stream().map(this::dto).toList();
    }

    private RegionDto dto(Region r) {
        return new RegionDto(r.code(), r.level(), r.name(), r.provinceName(), r.cityName(), r.countyName(),
                regions.parentCode(r.code()), regions.hasChildren(r.code()));
    }
}
