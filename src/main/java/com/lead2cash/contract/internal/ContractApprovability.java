package com.lead2cash.contract.internal;

import com.lead2cash.approval.ApprovableSubjects;
import com.lead2cash.contract.internal.domain.ContractRepository;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The contract's say on its approval (K1): a contract sent back is revised and resubmitted from its own page, which
 * renders the PDF of the new round and runs the flow its amount and risk now ask for ({@link ContractReviews#submit})
 * in the next round of the same approval. Resubmitted as it stands from the approvals screens, the contract would not
 * follow it (it is not in review, and no PDF of a new round was rendered), so that is not offered nor accepted.
 */
@Component
class ContractApprovability implements ApprovableSubjects {

    private final ContractRepository contracts;

    ContractApprovability(ContractRepository contracts) {
        this.contracts = contracts;
    }

    @Override
    public String subjectType() {
        return ContractAccess.SUBJECT;
    }

    /** Never as it stands: the contract's own submission resubmits its approval after the revision. */
    @Override
    @Transactional(readOnly = true)
    public boolean resubmittable(String subjectId, UUID approvalId) {
        return ApprovableSubjects.recordId(subjectId).map(id -> !contracts.existsById(id)).orElse(true);
    }
}
