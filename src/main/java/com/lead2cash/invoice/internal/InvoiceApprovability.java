package com.lead2cash.invoice.internal;

import com.lead2cash.approval.ApprovableSubjects;
import com.lead2cash.invoice.internal.domain.Invoice;
import com.lead2cash.invoice.internal.domain.InvoiceRepository;
import com.lead2cash.invoice.internal.domain.InvoiceStatus;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The invoice's say on its approval page: a request whose contract was terminated would be refused on approval
 * (decision 0044), so finance is offered reject and send back only, and told why. A request sent back is rejected with
 * it (a new request is made instead), so its approval is not resubmitted.
 */
@Component
class InvoiceApprovability implements ApprovableSubjects {

    private final InvoiceRepository invoices;
    private final InvoiceService service;
    private final MessageSource messages;

    InvoiceApprovability(InvoiceRepository invoices, InvoiceService service, MessageSource messages) {
        this.invoices = invoices;
        this.service = service;
        this.messages = messages;
    }

    @Override
    public String subjectType() {
        return InvoiceService.SUBJECT;
    }

    @Override
    @Transactional(readOnly = true)
    public boolean approvableAsShown(String subjectId) {
        return terminatedPending(subjectId).isEmpty();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<String> whyNotApprovable(String subjectId, Locale locale) {
        return terminatedPending(subjectId).map(inv -> messages.getMessage("invoice.detail.contractTerminated",
                new Object[] {inv.contractNumber()}, locale));
    }

    /**
     * While the request is pending on this approval: sent back, it is rejected (final), so its requester can neither
     * resubmit nor withdraw the approval (the approval asks this before either); a new request is made.
     */
    @Override
    @Transactional(readOnly = true)
    public boolean waitsOn(String subjectId, UUID approvalId) {
        return ApprovableSubjects.recordId(subjectId).flatMap(invoices::findById)
                .map(inv -> inv.status() == InvoiceStatus.PENDING_APPROVAL && approvalId.equals(inv.approvalId()))
                .orElse(true);
    }

    /** The invoice, if it waits for approval on a contract since terminated. */
    private Optional<Invoice> terminatedPending(String subjectId) {
        return invoices.findById(UUID.fromString(subjectId))
                .filter(inv -> inv.status() == InvoiceStatus.PENDING_APPROVAL && service.contractTerminated(inv));
    }
}
