package com.lead2cash.contract.internal;

import com.lead2cash.contract.ContractStatus;
import com.lead2cash.contract.Contracts;
import com.lead2cash.contract.internal.domain.Contract;
import com.lead2cash.contract.internal.domain.ContractAmendmentRepository;
import com.lead2cash.contract.internal.domain.ContractLine;
import com.lead2cash.contract.internal.domain.ContractRepository;
import com.lead2cash.contract.internal.domain.PaymentMilestone;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiPredicate;
import java.util.stream.IntStream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A signed contract's terms for other modules (receivables, orders, invoices, handover); see {@link Contracts}. */
@Service
@Transactional(readOnly = true)
class JdbcContracts implements Contracts {

    private final ContractRepository contracts;
    private final ContractAmendmentRepository amendments;
    private final JdbcClient jdbc;
    private final ContractAccess access;

    JdbcContracts(ContractRepository contracts, ContractAmendmentRepository amendments, JdbcClient jdbc,
                  ContractAccess access) {
        this.contracts = contracts;
        this.amendments = amendments;
        this.jdbc = jdbc;
        this.access = access;
    }

    @Override
    public boolean mayOpen(UUID contractId) {
        return openable(List.of(contractId)).contains(contractId);
    }

    @Override
    public Set<UUID> openable(Collection<UUID> contractIds) {
        if (contractIds.isEmpty()) {
            return Set.of();
        }
        BiPredicate<UUID, Boolean> visible = access.visibleContracts();
        Set<UUID> open = new HashSet<>();
        jdbc.sql("select id, owner_id, submitted_at is not null as submitted from contract_contract where id in (:ids)")
                .param("ids", contractIds)
                .query(rs -> {
                    if (visible.test(rs.getObject("owner_id", UUID.class), rs.getBoolean("submitted"))) {
                        open.add(rs.getObject("id", UUID.class));
                    }
                });
        return open;
    }

    @Override
    public Optional<SignedContract> signed(UUID contractId) {
        return contracts.findById(contractId).filter(c -> c.signedOn() != null).map(this::terms);
    }

    @Override
    public List<SignedContract> signedOf(UUID customerId) {
        List<UUID> ids = jdbc.sql("select id from contract_contract where customer_id = :c and signed_on is not null "
                        + "order by signed_on desc, id desc")
                .param("c", customerId).query(UUID.class).list();
        return contracts.findAllById(ids).stream().filter(c -> c.signedOn() != null)
                .sorted(java.util.Comparator.comparing(Contract::signedOn).reversed().thenComparing(Contract::id,
                        java.util.Comparator.reverseOrder()))
                .map(this::terms).toList();
    }

    private SignedContract terms(Contract c) {
        List<PaymentMilestone> ms = c.milestones();
        List<ContractLine> ls = c.lines();
        return new SignedContract(c.id(), c.number(), c.title(), c.status() == ContractStatus.TERMINATED
                ? ContractStatus.TERMINATED : c.status(), c.customerId(), c.opportunityId(), c.quoteId(), c.ownerId(),
                c.buyerName(), c.buyerTaxId(), c.sellerName(), c.amount(), c.currency(), c.createdAt(), c.signedOn(),
                c.termStart(), c.termEnd(),
                IntStream.range(0, ms.size()).mapToObj(i -> new Milestone(i + 1, ms.get(i).type(), ms.get(i).amount(),
                        ms.get(i).dueDate(), ms.get(i).dueCondition())).toList(),
                IntStream.range(0, ls.size()).mapToObj(i -> new Line(i + 1, ls.get(i).productId(), ls.get(i).productCode(),
                        ls.get(i).productName(), ls.get(i).unit(), ls.get(i).quantity(), ls.get(i).unitPrice(),
                        ls.get(i).lineTotal())).toList(),
                amendments.findByContractIdOrderByCreatedAt(c.id()).stream()
                        .map(a -> new Amendment(a.id(), a.number(), a.title(), a.amountChange(), a.signedOn())).toList());
    }
}
