package com.lead2cash.approval;

import java.util.List;

/** The ordered steps of an approval flow; a step starts when the one before it is approved. */
public record FlowDefinition(List<StepDefinition> steps) {

    public FlowDefinition {
        if (steps == null || steps.isEmpty()) {
            throw new IllegalArgumentException("a flow needs at least one step");
        }
        steps = List.copyOf(steps);
    }

    public static FlowDefinition of(StepDefinition... steps) {
        return new FlowDefinition(List.of(steps));
    }
}
