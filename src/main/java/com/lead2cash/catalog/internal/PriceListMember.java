package com.lead2cash.catalog.internal;

import java.util.UUID;
import org.springframework.data.relational.core.mapping.Table;

/** A customer of a customer-group price list. */
@Table("catalog_price_list_member")
record PriceListMember(UUID customerId) {
}
