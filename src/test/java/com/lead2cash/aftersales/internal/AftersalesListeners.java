package com.lead2cash.aftersales.internal;

import com.lead2cash.contract.ContractSigned;
import com.lead2cash.order.OrderAccepted;
import org.springframework.stereotype.Component;

/**
 * Hands another module's event to the after-sales listener alone, for tests of after-sales that have no contract or
 * order behind the event: published, it would reach the receivables too, which look the contract up, refuse it
 * ({@code receivable.contractNotSigned}) and log the refusal as an error in every such test's output. The listener
 * runs as when the event is published (its own transaction, asynchronously); tests wait for what it writes.
 */
@Component
public class AftersalesListeners {

    private final HandoverService handovers;
    private final AcceptanceSurvey surveys;

    AftersalesListeners(HandoverService handovers, AcceptanceSurvey surveys) {
        this.handovers = handovers;
        this.surveys = surveys;
    }

    /** H1: the signed contract's handover opens. */
    public void contractSigned(ContractSigned signed) {
        handovers.on(signed);
    }

    /** A terminated contract stops its handover. */
    public void contractTerminated(com.lead2cash.contract.ContractTerminated terminated) {
        handovers.on(terminated);
    }

    /** The delivery's acceptance sends its satisfaction survey. */
    public void orderAccepted(OrderAccepted accepted) {
        surveys.on(accepted);
    }
}
