package com.lead2cash.quote.internal;

import com.lead2cash.approval.ApprovableSubjects;
import com.lead2cash.quote.internal.domain.QuoteRepository;
import com.lead2cash.quote.internal.domain.QuoteStatus;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The quote's say on its approval (Q2): a quote sent back is a draft again, changed and submitted anew in a new approval
 * (its opportunity won or lost, not at all), so the approval it was sent back in is not resubmitted: decided, it would
 * reach no quote.
 */
@Component
class QuoteApprovability implements ApprovableSubjects {

    private final QuoteRepository quotes;

    QuoteApprovability(QuoteRepository quotes) {
        this.quotes = quotes;
    }

    @Override
    public String subjectType() {
        return QuoteService.SUBJECT;
    }

    /** Only while the quote still waits on this approval (it never does once sent back: it is a draft again). */
    @Override
    @Transactional(readOnly = true)
    public boolean resubmittable(String subjectId, UUID approvalId) {
        return ApprovableSubjects.recordId(subjectId).flatMap(quotes::findById)
                .map(q -> q.status() == QuoteStatus.PENDING_APPROVAL && approvalId.equals(q.approvalId()))
                .orElse(true);
    }
}
