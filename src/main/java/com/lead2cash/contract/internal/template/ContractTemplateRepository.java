package com.lead2cash.contract.internal.template;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.repository.ListCrudRepository;

public interface ContractTemplateRepository extends ListCrudRepository<ContractTemplate, UUID> {

    List<ContractTemplate> findByCodeOrderByTemplateVersionDesc(String code);

    Optional<ContractTemplate> findByCodeAndState(String code, TemplateState state);

    List<ContractTemplate> findByStateOrderByCode(TemplateState state);
}
