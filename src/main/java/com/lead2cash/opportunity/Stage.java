package com.lead2cash.opportunity;

/**
 * The stages of an opportunity (商机阶段), in order: 需求发现 DISCOVERY → 评估 EVALUATION → 方案 PROPOSAL →
 * 谈判 NEGOTIATION → 合同 CONTRACT → 赢单 WON | 输单 LOST.
 */
public enum Stage {
    DISCOVERY, EVALUATION, PROPOSAL, NEGOTIATION, CONTRACT, WON, LOST;

    /** The stages an opportunity is worked in (the board's columns). */
    public static final java.util.List<Stage> OPEN = java.util.List.of(DISCOVERY, EVALUATION, PROPOSAL, NEGOTIATION,
            CONTRACT);

    /** Whether an opportunity in this stage is still worked: one of {@link #OPEN}, the one definition. */
    public boolean isOpen() {
        return OPEN.contains(this);
    }

    public boolean isClosed() {
        return !isOpen();
    }

    /** Whether reaching this stage from before evaluation passes the evaluation gate (O1). */
    public boolean isPastEvaluation() {
        return this == PROPOSAL || this == NEGOTIATION || this == CONTRACT || this == WON;
    }
}
