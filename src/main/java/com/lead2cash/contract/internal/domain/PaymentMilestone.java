package com.lead2cash.contract.internal.domain;

import com.lead2cash.contract.MilestoneType;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.springframework.data.relational.core.mapping.Table;

/** A payment milestone (付款节点): type, amount, and a due date or the event it falls due on. */
@Table("contract_milestone")
public record PaymentMilestone(MilestoneType type, BigDecimal amount, LocalDate dueDate, String dueCondition) {

    /** How the audit trail shows a milestone among the contract's fields. */
    @Override
    public String toString() {
        return type + " " + amount.toPlainString() + (dueDate == null ? "" : " " + dueDate)
                + (dueCondition == null ? "" : " " + dueCondition);
    }
}
