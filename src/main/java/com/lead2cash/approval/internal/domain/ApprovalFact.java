package com.lead2cash.approval.internal.domain;

import org.springframework.data.relational.core.mapping.Table;

/** A fact the submitting module shows approvers: "discount" → "18%", "amount" → "1,200,000.00 CNY". */
@Table("approval_fact")
public record ApprovalFact(String name, String value) {
}
