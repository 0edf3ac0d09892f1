package com.lead2cash.catalog.internal.web;

import com.lead2cash.platform.web.VersionRequest;
import com.lead2cash.catalog.internal.CatalogRoles;
import com.lead2cash.catalog.internal.PriceList;
import com.lead2cash.catalog.internal.PriceListKind;
import com.lead2cash.catalog.internal.PriceListService;
import com.lead2cash.platform.CursorPage;
import com.lead2cash.platform.FieldValidationException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import com.lead2cash.platform.Versioned;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Price lists over the API: standard, per channel or per customer group, with validity dates and prices. */
@RestController
@Tag(name = "Price lists")
@PreAuthorize("isAuthenticated()")
class PriceListApiController {

    record PriceRequest(UUID productId, BigDecimal unitPrice) {
    }

    record PriceListRequest(String name, PriceListKind kind, String channel, LocalDate validFrom, LocalDate validTo,
                            List<UUID> customerIds, List<PriceRequest> prices) {
        PriceList.Terms terms() {
            return PriceList.Terms.validated(name, kind, channel, validFrom, validTo);
        }

        Map<UUID, BigDecimal> priceMap() {
            return PriceListApiController.prices(prices);
        }
    }

    /** A change of a price list, with the version it was read at; prices and customers replace the list's when sent. */
    record PriceListUpdate(String name, PriceListKind kind, String channel, LocalDate validFrom, LocalDate validTo,
                           List<UUID> customerIds, List<PriceRequest> prices, Long version) implements Versioned {
        PriceList.Terms terms() {
            return PriceList.Terms.validated(name, kind, channel, validFrom, validTo);
        }
    }

    /** The prices as the list keeps them, by product; a product priced twice is refused. */
    static Map<UUID, BigDecimal> prices(List<PriceRequest> prices) {
        if (prices == null) {
            return null;
        }
        Map<UUID, BigDecimal> map = new LinkedHashMap<>();
        for (PriceRequest p : prices) {
            if (p == null || p.productId() == null) {
                throw new FieldValidationException("prices", "catalog.product.required");
            }
            if (map.put(p.productId(), p.unitPrice()) != null) {
                throw new FieldValidationException("prices", "catalog.priceList.product.twice", p.productId());
            }
        }
        return map;
    }

    record PriceView(UUID productId, BigDecimal unitPrice) {
    }

    record PriceListView(UUID id, String name, PriceListKind kind, String channel, LocalDate validFrom,
                         LocalDate validTo, boolean active, String currency, List<UUID> customerIds,
                         List<PriceView> prices, long version) {
        /** {@code visibleMembers}: the customers the reader may know of (the others are left out). */
        static PriceListView of(PriceList l, Set<UUID> visibleMembers) {
            return new PriceListView(l.id(), l.name(), l.kind(), l.channel(), l.validFrom(), l.validTo(), l.active(),
                    "CNY", l.customerIds().stream().filter(visibleMembers::contains).sorted().toList(),
                    l.entries().stream().sorted(Comparator.comparing(e -> e.productId()))
                            .map(e -> new PriceView(e.productId(), e.unitPrice())).toList(),
                    l.version());
        }
    }

    private final PriceListService lists;

    PriceListApiController(PriceListService lists) {
        this.lists = lists;
    }

    @Operation(summary = "Every price list: by kind, latest validity first; customerIds only those the caller may read (all for the catalogue's editors)")
    @GetMapping("/api/v1/price-lists")
    CursorPage<PriceListView> list() {
        List<PriceList> all = lists.all();
        Set<UUID> visible = lists.visibleMembers(all);
        return new CursorPage<>(all.stream().map(l -> PriceListView.of(l, visible)).toList(), null);
    }

    @Operation(summary = "Create a price list; two active standard lists never share a day")
    @PostMapping("/api/v1/price-lists")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(CatalogRoles.EDITORS)
    ResponseEntity<PriceListView> create(@RequestBody PriceListRequest body) {
        PriceListView view = view(lists.create(body.terms(), body.priceMap(), body.customerIds()));
        return ResponseEntity.created(URI.create("/api/v1/price-lists/" + view.id())).body(view);
    }

    @Operation(summary = "One price list with its prices and the customers the caller may read (all for the catalogue's editors)")
    @GetMapping("/api/v1/price-lists/{id}")
    PriceListView get(@PathVariable UUID id) {
        return view(lists.require(id));
    }

    @Operation(summary = "Change a price list (409 on a stale version); prices and customerIds replace the list's when sent")
    @PutMapping("/api/v1/price-lists/{id}")
    @PreAuthorize(CatalogRoles.EDITORS)
    PriceListView change(@PathVariable UUID id, @RequestBody PriceListUpdate body) {
        return view(lists.change(id, body.terms(), prices(body.prices()), body.customerIds(), body.version()));
    }

    @Operation(summary = "The price list is no longer used")
    @PostMapping("/api/v1/price-lists/{id}/deactivate")
    @PreAuthorize(CatalogRoles.EDITORS)
    PriceListView deactivate(@PathVariable UUID id, @RequestBody(required = false) VersionRequest body) {
        return view(lists.setActive(id, false, body == null ? null : body.version()));
    }

    @Operation(summary = "The price list is in force again (two active standard lists never share a day)")
    @PostMapping("/api/v1/price-lists/{id}/activate")
    @PreAuthorize(CatalogRoles.EDITORS)
    PriceListView activate(@PathVariable UUID id, @RequestBody(required = false) VersionRequest body) {
        return view(lists.setActive(id, true, body == null ? null : body.version()));
    }

    private PriceListView view(PriceList list) {
        return PriceListView.of(list, lists.visibleMembers(List.of(list)));
    }
}
