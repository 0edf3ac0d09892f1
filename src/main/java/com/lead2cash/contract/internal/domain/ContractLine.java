package com.lead2cash.contract.internal.domain;

import java.math.BigDecimal;
import java.util.UUID;
import org.springframework.data.relational.core.mapping.Table;

/** A product line of the contract (合同明细), as the accepted quote had it: product, quantity, agreed price. */
@Table("contract_line")
public record ContractLine(UUID productId, String productCode, String productName, String specification,
                           String unit, BigDecimal quantity, BigDecimal unitPrice, BigDecimal discountPercent,
                           BigDecimal lineTotal) {
}
