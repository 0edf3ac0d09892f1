package com.lead2cash.receivable.internal.web;

import com.lead2cash.invoice.ContractInvoicing;
import com.lead2cash.receivable.ContractCollections;
import com.lead2cash.receivable.internal.ReceivableAccess;
import com.lead2cash.receivable.internal.ReceivablePlanning;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * A contract's collected (已回款) and invoiced (已开票) figures against its payment plan, for the contracts
 * the reader may see (their plans' owner within scope); contracts without a plan are left out.
 */
@Component
class ContractFiguresReader {

    private final ContractCollections collections;
    private final ContractInvoicing invoicing;
    private final ReceivablePlanning planning;
    private final ReceivableAccess access;

    ContractFiguresReader(ContractCollections collections, ContractInvoicing invoicing, ReceivablePlanning planning,
                          ReceivableAccess access) {
        this.collections = collections;
        this.invoicing = invoicing;
        this.planning = planning;
        this.access = access;
    }

    List<ReceivableApiController.ContractFigures> of(Collection<UUID> contractIds) {
        List<UUID> visible = contractIds.stream().distinct().filter(id -> !planning.ofContract(id).isEmpty()).toList();
        Map<UUID, ContractCollections.Figures> collected = collections.of(visible);
        Map<UUID, BigDecimal> invoiced = invoicing.invoiced(visible);
        List<ReceivableApiController.ContractFigures> out = new ArrayList<>();
        for (UUID id : visible) {
            ContractCollections.Figures f = collected.get(id);
            if (f == null) {
                continue;
            }
            BigDecimal inv = invoiced.getOrDefault(id, BigDecimal.ZERO.setScale(2));
            out.add(new ReceivableApiController.ContractFigures(id, f.planned(), f.collected(), f.collectedPercent(), inv,
                    f.planned().signum() == 0 ? BigDecimal.ZERO
                            : inv.multiply(BigDecimal.valueOf(100)).divide(f.planned(), 2, RoundingMode.HALF_UP),
                    f.paidPlans(), f.plans()));
        }
        return out;
    }
}
