package com.lead2cash.opportunity.internal.domain;

import com.lead2cash.opportunity.Stage;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A stage change the opportunity made, for the service to append to the stage history and announce. */
public record StageChange(Stage from, Stage to, Instant at, UUID by, BigDecimal amount, String note) {
}
