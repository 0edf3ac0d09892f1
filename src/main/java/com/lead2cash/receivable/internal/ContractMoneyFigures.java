package com.lead2cash.receivable.internal;

import com.lead2cash.contract.ContractListFigures;
import com.lead2cash.invoice.ContractInvoicing;
import com.lead2cash.receivable.ContractCollections;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The contract list's money columns (已回款 / 已开票 / 已付期数) as the receivables module answers them for
 * the contract module: one query over the plans and one over the invoices for the whole batch. The
 * caller has checked the reader may see the contracts; {@link #inScope} is for callers that have not.
 */
@Component
public class ContractMoneyFigures implements ContractListFigures {

    private final ReceivableQueries queries;
    private final ContractInvoicing invoicing;

    ContractMoneyFigures(ReceivableQueries queries, ContractInvoicing invoicing) {
        this.queries = queries;
        this.invoicing = invoicing;
    }

    @Override
    public Map<UUID, Figures> of(Collection<UUID> contractIds) {
        List<UUID> ids = contractIds.stream().distinct().toList();
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<UUID, ContractCollections.Figures> collected = queries.of(ids);
        Map<UUID, BigDecimal> invoiced = invoicing.invoiced(collected.keySet());
        Map<UUID, Figures> out = new LinkedHashMap<>();
        for (UUID id : ids) {
            ContractCollections.Figures f = collected.get(id);
            if (f != null) {
                out.put(id, new Figures(id, f.planned(), f.collected(),
                        invoiced.getOrDefault(id, BigDecimal.ZERO.setScale(2)), f.paidPlans(), f.plans()));
            }
        }
        return out;
    }

    /** The figures of those contracts whose plans the reader may see (their owner in the reader's scope). */
    public Map<UUID, Figures> inScope(Collection<UUID> contractIds) {
        return of(queries.contractsInScope(contractIds));
    }
}
