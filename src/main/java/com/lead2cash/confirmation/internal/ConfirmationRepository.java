package com.lead2cash.confirmation.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.CrudRepository;

public interface ConfirmationRepository extends CrudRepository<Confirmation, UUID> {

    @Query("select * from confirmation_confirmation where subject_type = :type and subject_id = :id"
            + " order by subject_version desc, sent_at desc")
    List<Confirmation> findBySubject(String type, String id);

    /** {@link #findBySubject}'s rows locked in one order: a withdrawal waits for an answer under way, never overwrites it. */
    @Query("select * from confirmation_confirmation where subject_type = :type and subject_id = :id order by id for update")
    List<Confirmation> findBySubjectForUpdate(String type, String id);

    /** Locks the row: one answer at a time, and an answer and a supersession never cross. */
    @Query("select * from confirmation_confirmation where id = :id for update")
    Optional<Confirmation> findByIdForUpdate(UUID id);
}
