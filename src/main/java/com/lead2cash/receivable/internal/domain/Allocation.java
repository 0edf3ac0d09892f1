package com.lead2cash.receivable.internal.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.springframework.data.relational.core.mapping.Table;

/** Part of a receipt applied to one payment plan (核销到回款计划). */
@Table("receivable_allocation")
public record Allocation(UUID planId, BigDecimal amount, UUID allocatedBy, Instant allocatedAt) {
}
