package com.lead2cash.invoice.internal.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.CrudRepository;

public interface InvoiceRepository extends CrudRepository<Invoice, UUID> {

    @Query("select * from invoice_invoice where id = :id for update")
    Optional<Invoice> findByIdForUpdate(UUID id);

    @Query("select * from invoice_invoice where approval_id = :approvalId for update")
    Optional<Invoice> findByApprovalForUpdate(UUID approvalId);

    @Query("select * from invoice_invoice where contract_id = :contractId order by created_at")
    List<Invoice> findByContract(UUID contractId);

    /** The contract's invoices that this person owns, locked (they follow the contract's owner). */
    @Query("select * from invoice_invoice where contract_id = :contractId and owner_id = :ownerId order by created_at, id for update")
    List<Invoice> findOfContractOwnedByForUpdate(UUID contractId, UUID ownerId);

    /**
     * Whether an invoice (issued or reversed since) already carries this tax invoice number with this code
     * ({@code ""} for a fully digital invoice, which has none).
     */
    @Query("select exists (select 1 from invoice_invoice where invoice_number = :invoiceNumber "
            + "and coalesce(invoice_code, '') = :invoiceCode)")
    boolean invoiceNumberTaken(String invoiceCode, String invoiceNumber);

    /** What the contract's requests hold: pending, approved and issued (rejected, reversed and cancelled ones are free). */
    @Query("select coalesce(sum(amount), 0) from invoice_invoice where contract_id = :contractId "
            + "and status in ('PENDING_APPROVAL', 'APPROVED', 'ISSUED')")
    BigDecimal held(UUID contractId);
}
