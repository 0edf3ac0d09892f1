package com.lead2cash.contract.internal.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.relational.repository.Lock;
import org.springframework.data.relational.core.sql.LockMode;
import org.springframework.data.repository.ListCrudRepository;

public interface ContractRepository extends ListCrudRepository<Contract, UUID> {

    /** A contract not closed — not archived or terminated — for queries: open business that keeps its customer. */
    String OPEN = "status not in ('ARCHIVED', 'TERMINATED')";

    /** The contract with its row locked for the rest of the transaction (review outcomes and edits serialise). */
    @Lock(LockMode.PESSIMISTIC_WRITE)
    Optional<Contract> findLockedById(UUID id);

    /**
     * Holds the opportunity's drafting for the rest of the transaction: two drafts of one opportunity sent at once go
     * one at a time, so the second reads the first's contract rather than meeting the unique index.
     */
    @Query("select count(*) from (select pg_advisory_xact_lock(hashtextextended('contract-draft:' || :opportunityId, 0))) held")
    long holdOpportunity(UUID opportunityId);

    /** The number of the opportunity's contract that is not terminated, if any (one live contract per opportunity). */
    @Query("select number from contract_contract where opportunity_id = :opportunityId and status <> 'TERMINATED' limit 1")
    Optional<String> findLiveByOpportunity(UUID opportunityId);

    /** The buyer's taxpayer id on the customer's latest contract that names one. */
    @Query("select buyer_tax_id from contract_contract where customer_id = :customerId and buyer_tax_id is not null "
            + "order by created_at desc, id desc limit 1")
    Optional<String> findLatestBuyerTaxId(UUID customerId);

    /** The customer's contracts not closed (archived, terminated) that this person owns, locked (a transfer hands them over). */
    @Query("select * from contract_contract where customer_id = :customerId and owner_id = :ownerId"
            + " and " + OPEN + " order by created_at, id for update")
    List<Contract> findOpenOfCustomerOwnedByForUpdate(UUID customerId, UUID ownerId);

    /**
     * Holds every signing and amendment with a scan of this SHA-256 for the rest of the transaction: two contracts signed
     * or amended at once with one paper go one at a time, so the second sees the first's scan and is refused.
     */
    @Query("select count(*) from (select pg_advisory_xact_lock(hashtextextended('contract-scan:' || :sha256, 0))) held")
    long holdScan(String sha256);

    /** Whether the product rendered a file of this SHA-256 as a review copy of any contract, in any round. */
    @Query("select exists (select 1 from contract_file where sha256 = :sha256 and kind = 'REVIEW_COPY')")
    boolean isReviewCopy(String sha256);

    /** The contract other than this one whose signed scan or an amendment's scan has this SHA-256, if any. */
    @Query("select contract_id from contract_file where sha256 = :sha256 and kind in ('SIGNED_SCAN', 'AMENDMENT_SCAN') "
            + "and contract_id <> :contractId order by added_at, contract_id limit 1")
    Optional<UUID> findSignedPaperWithScan(String sha256, UUID contractId);
}
