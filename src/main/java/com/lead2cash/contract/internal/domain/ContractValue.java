package com.lead2cash.contract.internal.domain;

import org.springframework.data.relational.core.mapping.Table;

/** A value the drafting took from the customer, quote or minutes for the template's placeholders ("quote.number"). */
@Table("contract_value")
public record ContractValue(String name, String value) {
}
