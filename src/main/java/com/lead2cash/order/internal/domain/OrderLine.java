package com.lead2cash.order.internal.domain;

import java.math.BigDecimal;
import java.util.UUID;
import org.springframework.data.relational.core.mapping.Table;

/** A product of the order, the quantity ordered from the contract and how much of it has shipped. */
@Table("order_line")
public record OrderLine(UUID productId, String productCode, String productName, String unit, BigDecimal quantity,
                        BigDecimal shipped) {

    public BigDecimal remaining() {
        return quantity.subtract(shipped);
    }

    OrderLine shippedMore(BigDecimal more) {
        return new OrderLine(productId, productCode, productName, unit, quantity, shipped.add(more));
    }

    OrderLine shippedLess(BigDecimal less) {
        return new OrderLine(productId, productCode, productName, unit, quantity, shipped.subtract(less));
    }
}
