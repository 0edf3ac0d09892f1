package com.lead2cash.receivable.internal.web;

import com.lead2cash.contract.ContractListFigures;
import com.lead2cash.receivable.internal.ContractMoneyFigures;
import com.lead2cash.receivable.internal.ReceivableAccess;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * A contract's collected (已回款) and invoiced (已开票) figures against its payment plan, for the contracts
 * the reader may see (their plans' owner within scope); contracts without a plan are left out.
 */
@Component
class ContractFiguresReader {

    private final ContractMoneyFigures figures;
    private final ReceivableAccess access;

    ContractFiguresReader(ContractMoneyFigures figures, ReceivableAccess access) {
        this.figures = figures;
        this.access = access;
    }

    /**
     * The figures card of a contract's page, null when it has no plan the reader may see; another team's contract is
     * not found ({@link ReceivableAccess#requireOpenableContract}).
     */
    ReceivableApiController.ContractFigures ofOpenableContract(java.util.UUID contractId) {
        access.requireOpenableContract(contractId);
        return of(List.of(contractId)).stream().findFirst().orElse(null);
    }

    List<ReceivableApiController.ContractFigures> of(Collection<java.util.UUID> contractIds) {
        Map<java.util.UUID, ContractListFigures.Figures> visible = figures.inScope(contractIds.stream().distinct().toList());
        return contractIds.stream().distinct().map(visible::get).filter(java.util.Objects::nonNull)
                .map(f -> new ReceivableApiController.ContractFigures(f.contractId(), f.planned(), f.collected(),
                        f.collectedPercent(), f.invoiced(), f.invoicedPercent(), f.paidPlans(), f.plans()))
                .toList();
    }
}
