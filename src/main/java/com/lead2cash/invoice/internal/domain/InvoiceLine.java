package com.lead2cash.invoice.internal.domain;

import java.math.BigDecimal;
import org.springframework.data.relational.core.mapping.Table;

/** A line of the invoice: what is invoiced, the amount with tax, the tax rate in percent. */
@Table("invoice_line")
public record InvoiceLine(String description, BigDecimal amount, BigDecimal taxRate) {
}
