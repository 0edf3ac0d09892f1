package com.lead2cash.aftersales.internal;

import com.lead2cash.aftersales.internal.domain.Complaint;
import com.lead2cash.aftersales.internal.domain.ComplaintRepository;
import com.lead2cash.confirmation.ConfirmationSubjects;
import com.lead2cash.confirmation.ConfirmationView;
import com.lead2cash.customer.CustomerDirectory;
import com.lead2cash.platform.ProtectedField;
import com.lead2cash.sop.SubjectDescriber;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * How a complaint's rating request (满意度确认) reads on its confirmation's page: as the complaint reads on the
 * deadline screens, linked when the reader may open it. Its data scope stays with the handler it was sent for (no
 * owner named). The contact it went to is the customer's, not the handler's: its address reads by the contact's own
 * rule (SPEC §1), so an after-sales handler, to whom the customer's contacts are masked, reads it masked too, and the
 * customer's rep and those above the rep whole. Its links take the rating only while the complaint waits for it.
 */
class ComplaintConfirmationSubjects implements ConfirmationSubjects {

    private final SubjectDescriber complaints;
    private final CustomerDirectory customers;
    private final ComplaintRepository repository;

    ComplaintConfirmationSubjects(SubjectDescriber complaints, CustomerDirectory customers,
                                  ComplaintRepository repository) {
        this.complaints = complaints;
        this.customers = customers;
        this.repository = repository;
    }

    @Override
    public String subjectType() {
        return complaints.subjectType();
    }

    @Override
    public Map<String, SubjectInfo> describe(Collection<String> complaintIds) {
        Map<String, SubjectInfo> infos = new HashMap<>();
        complaints.describe(complaintIds).forEach((id, label) ->
                infos.put(id, new SubjectInfo(label.label(), label.link(), null)));
        return infos;
    }

    @Override
    public boolean readsRecipientWhole(ConfirmationView confirmation, boolean byOwner) {
        return customers.readsContactWhole(confirmation.recipientContactId(), ProtectedField.CONTACT_EMAIL);
    }

    /**
     * Locks the complaint, as closing it and asking for a rating again do, and asks it whether it still waits for the
     * customer's rating ({@link Complaint#awaitsRating}). A complaint closed meanwhile does not: its links are withdrawn
     * and the customer's answer changes nothing (0065).
     */
    @Override
    public boolean awaitsAnswer(String complaintId) {
        List<UUID> id = SubjectDescriber.uuids(List.of(complaintId));
        return !id.isEmpty() && repository.findLockedById(id.get(0)).map(Complaint::awaitsRating).orElse(false);
    }
}
