package com.lead2cash.catalog.internal;

import java.math.BigDecimal;
import java.util.UUID;
import org.springframework.data.relational.core.mapping.Table;

/** One product's price in a price list (CNY, without tax). */
@Table("catalog_price_list_entry")
public record PriceListEntry(UUID productId, BigDecimal unitPrice) {
}
