package com.lead2cash.customer.internal;

import com.lead2cash.approval.ApprovalCompleted;
import com.lead2cash.approval.ApprovalRef;
import com.lead2cash.approval.ApprovalRequest;
import com.lead2cash.approval.ApprovalSentBack;
import com.lead2cash.approval.ApprovalWithdrawn;
import com.lead2cash.approval.Approvals;
import com.lead2cash.approval.ApproverRule;
import com.lead2cash.approval.FlowDefinition;
import com.lead2cash.approval.StepDefinition;
import com.lead2cash.approval.StepMode;
import com.lead2cash.customer.internal.domain.CreditRating;
import com.lead2cash.customer.internal.domain.Customer;
import com.lead2cash.customer.internal.domain.CustomerAction;
import com.lead2cash.customer.internal.domain.CustomerRepository;
import com.lead2cash.platform.CurrentUser;
import com.lead2cash.platform.FieldValidationException;
import com.lead2cash.platform.MoneyText;
import com.lead2cash.platform.Role;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Credit rating and limit (信用等级与额度, C8): a change applies at once, unless it raises the limit
 * above the policy's threshold and the person asking is not finance — then it goes through the
 * approval mechanism to finance and applies when approved (rejected or sent back, it is dropped).
 */
@Service
public class CustomerCredit {

    public static final String SUBJECT = "CustomerCredit";

    private final CustomerRepository customers;
    private final CustomerAccess access;
    private final CustomerPolicy policy;
    private final CustomerHistory history;
    private final Approvals approvals;
    private final Clock clock;

    CustomerCredit(CustomerRepository customers, CustomerAccess access, CustomerPolicy policy, CustomerHistory history,
                   Approvals approvals, Clock clock) {
        this.customers = customers;
        this.access = access;
        this.policy = policy;
        this.history = history;
        this.approvals = approvals;
        this.clock = clock;
    }

    /** Whether the current user may open the pending change's approval (C8): the approval module's rule, not the customer's readers. */
    @Transactional(readOnly = true)
    public boolean approvalOpenable(Customer c) {
        return c.creditApprovalId() != null && approvals.mayOpen(c.creditApprovalId(), CurrentUser.require().id());
    }

    @Transactional
    public Customer change(UUID id, CreditRating rating, BigDecimal limit, String reason, Long version) {
        CurrentUser me = CurrentUser.require();
        Customer c = access.visibleForUpdate(id);
        c.requireAction(access.actor(c), CustomerAction.CHANGE_CREDIT);
        c.expectVersion(version);
        if (reason != null && reason.length() > 500) {
            throw new FieldValidationException("reason", "customer.field.tooLong", 500);
        }
        Instant now = clock.instant();
        if (!me.has(Role.FINANCE) && policy.rules().creditLimitNeedsApproval(c.creditLimit(), limit)) {
            if (c.creditPending()) {
                throw new com.lead2cash.platform.DomainException("customer.credit.pending");
            }
            Map<String, String> facts = new LinkedHashMap<>();
            facts.put("customer", c.code() + " " + c.name());
            facts.put("creditRating", rating == null ? "—" : rating.name());
            facts.put("currentLimit", MoneyText.of(c.creditLimit()));
            facts.put("requestedLimit", MoneyText.of(limit));
            facts.put("threshold", MoneyText.of(policy.rules().creditApprovalThreshold()));
            if (reason != null && !reason.isBlank()) {
                facts.put("reason", reason.strip());
            }
            String title = c.code() + " " + c.name();
            ApprovalRef ref = approvals.submit(new ApprovalRequest(SUBJECT, c.id().toString(),
                    title.length() > 200 ? title.substring(0, 200) : title, me.id(),
                    FlowDefinition.of(new StepDefinition("FINANCE", StepMode.SEQUENTIAL,
                            List.of(new ApproverRule.ByRole(Role.FINANCE)), null)), facts));
            c.requestCredit(rating, limit, ref.id(), now);
            history.record(c.id(), now, "customer.history.creditRequested", rating, MoneyText.of(limit), reason);
        } else {
            c.setCredit(rating, limit, now);
            history.record(c.id(), now, "customer.history.creditSet", rating,
                    limit == null ? null : MoneyText.of(limit), reason);
        }
        return customers.save(c);
    }

    /** C8 — finance's decision sets the credit in finance's own transaction: the customer's page shows it at once. */
    @org.springframework.context.event.EventListener
    void on(ApprovalCompleted completed) {
        if (SUBJECT.equals(completed.subjectType())) {
            decided(UUID.fromString(completed.subjectId()), completed.approvalId(),
                    completed.outcome() == ApprovalCompleted.Outcome.APPROVED, "customer.history.credit"
                            + completed.outcome());
        }
    }

    @org.springframework.context.event.EventListener
    void on(ApprovalSentBack sentBack) {
        if (SUBJECT.equals(sentBack.subjectType())) {
            decided(UUID.fromString(sentBack.subjectId()), sentBack.approvalId(), false, "customer.history.creditSentBack");
        }
    }

    /** C8 — the requester withdrew the change from finance: it is dropped, the current limit kept (decision 0068). */
    @org.springframework.context.event.EventListener
    void on(ApprovalWithdrawn withdrawn) {
        if (SUBJECT.equals(withdrawn.subjectType())) {
            decided(UUID.fromString(withdrawn.subjectId()), withdrawn.approvalId(), false,
                    "customer.history.creditWithdrawn");
        }
    }

    private void decided(UUID customerId, UUID approvalId, boolean approved, String historyKey) {
        customers.findByIdForUpdate(customerId).ifPresent(c -> {
            if (!approvalId.equals(c.creditApprovalId())) {
                return;
            }
            Instant now = clock.instant();
            BigDecimal requested = c.pendingCreditLimit();
            c.creditDecided(approvalId, approved, now);
            history.record(c.id(), now, historyKey, requested == null ? null : MoneyText.of(requested));
            customers.save(c);
        });
    }
}
