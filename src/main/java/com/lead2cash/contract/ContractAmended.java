package com.lead2cash.contract;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A signed amendment (补充协议) was recorded on a signed contract. Published inside the amendment's
 * transaction: a listener that must keep its records in step (receivables re-plan the unpaid part to
 * {@code amount}) does so in that transaction, and a business refusal it throws (the amount would fall
 * below what was already collected) refuses the amendment — nothing of it is kept.
 */
public record ContractAmended(UUID contractId, UUID amendmentId, String amendmentNumber, BigDecimal amountChange,
                              BigDecimal amount, LocalDate signedOn) {
}
