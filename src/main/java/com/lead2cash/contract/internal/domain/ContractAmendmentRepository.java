package com.lead2cash.contract.internal.domain;

import java.util.List;
import java.util.UUID;
import org.springframework.data.repository.ListCrudRepository;

public interface ContractAmendmentRepository extends ListCrudRepository<ContractAmendment, UUID> {

    List<ContractAmendment> findByContractIdOrderByCreatedAt(UUID contractId);

    int countByContractId(UUID contractId);
}
