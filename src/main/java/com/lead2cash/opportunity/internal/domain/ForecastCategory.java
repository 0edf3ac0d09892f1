package com.lead2cash.opportunity.internal.domain;

import com.lead2cash.opportunity.Stage;

/**
 * 预测类别 — how sure the owner is an opportunity closes in its month: pipeline (管道), best case (乐观),
 * commit (承诺), closed (已成交) and omitted (不计入). It follows the stage unless the owner sets it.
 */
public enum ForecastCategory {
    PIPELINE, BEST_CASE, COMMIT, CLOSED, OMITTED;

    public static ForecastCategory forStage(Stage stage) {
        return switch (stage) {
            case DISCOVERY, EVALUATION -> PIPELINE;
            case PROPOSAL, NEGOTIATION -> BEST_CASE;
            case CONTRACT -> COMMIT;
            case WON -> CLOSED;
            case LOST -> OMITTED;
        };
    }

    /** The categories an owner may choose for an open opportunity. */
    public boolean choosableWhileOpen() {
        return this != CLOSED;
    }
}
