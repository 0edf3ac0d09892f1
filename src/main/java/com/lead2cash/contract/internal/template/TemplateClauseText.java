package com.lead2cash.contract.internal.template;

import org.springframework.data.relational.core.mapping.Table;

/** One clause of a template version: which core clause it is, its heading, its text with placeholders. */
@Table("contract_template_clause")
public record TemplateClauseText(String sectionKey, String heading, String body) {
}
