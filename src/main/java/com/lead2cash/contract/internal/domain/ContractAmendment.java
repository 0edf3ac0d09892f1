package com.lead2cash.contract.internal.domain;

import com.lead2cash.platform.FieldValidationException;
import com.lead2cash.platform.Ids;
import com.lead2cash.platform.InputRules;
import com.lead2cash.platform.MoneyText;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * 补充协议 — a signed amendment to a signed contract: its own number after the contract's
 * (HT-2026-000123-B1), what it changes, the amount it adds or takes away, the day it was signed and its
 * signed scan. The contract itself is never edited after signing; its amendments say what changed.
 */
@Table("contract_amendment")
public class ContractAmendment {

    public static final int MAX_SUMMARY = 5000;

    @Id
    private UUID id;
    private UUID contractId;
    private String number;
    private String title;
    private String summary;
    private BigDecimal amountChange;
    private LocalDate signedOn;
    private UUID scanFileId;
    private UUID createdBy;
    private Instant createdAt;
    @Version
    private Long version;

    ContractAmendment() {
    }

    /**
     * A new amendment of the contract whose amount is {@code currentAmount} now (signed, with the earlier
     * amendments' changes); the change may not bring it to zero or below, nor to {@link Contract#MAX_AMOUNT}.
     */
    public static ContractAmendment record(Contract contract, BigDecimal currentAmount, int sequence, String title,
                                           String summary, BigDecimal amountChange, LocalDate signedOn, UUID scan,
                                           UUID by, LocalDate today, Instant now) {
        List<FieldValidationException.FieldError> errors = new ArrayList<>();
        String t = title == null ? "" : InputRules.strip(title);
        if (t.isEmpty() || t.length() > Contract.MAX_TITLE) {
            // the amendment's own title, not the contract's (the form names it 补充协议名称)
            errors.add(new FieldValidationException.FieldError("title", "contract.amendment.titleInvalid",
                    Contract.MAX_TITLE));
        } else {
            InputRules.singleLineProblem("title", t).ifPresent(errors::add);
        }
        String s = summary == null ? "" : summary.strip();
        if (s.isEmpty() || s.length() > MAX_SUMMARY) {
            errors.add(new FieldValidationException.FieldError("summary", "contract.amendment.summary", MAX_SUMMARY));
        }
        BigDecimal change = amountChange == null ? BigDecimal.ZERO : amountChange;
        if (change.scale() > 2) {
            // a change may lower the amount: the refusal says so, not a new contract's "above 0"
            errors.add(new FieldValidationException.FieldError("amountChange", "contract.amendment.amountChangeInvalid"));
        } else if (currentAmount.add(change).signum() <= 0) {
            errors.add(new FieldValidationException.FieldError("amountChange", "contract.amendment.amount"));
        } else if (change.abs().compareTo(Contract.MAX_AMOUNT) >= 0
                || currentAmount.add(change).compareTo(Contract.MAX_AMOUNT) >= 0) {
            // the bound a new contract's amount has: amendments may not grow it past what it could be signed for
            errors.add(new FieldValidationException.FieldError("amountChange", "contract.amendment.tooLarge",
                    MoneyText.of(Contract.MAX_AMOUNT)));
        }
        if (signedOn == null) {
            errors.add(new FieldValidationException.FieldError("signedOn", "contract.signedOn.required"));
        } else if (signedOn.isAfter(today)) {
            errors.add(new FieldValidationException.FieldError("signedOn", "contract.signedOn.future"));
        } else if (contract.signedOn() != null && signedOn.isBefore(contract.signedOn())) {
            errors.add(new FieldValidationException.FieldError("signedOn", "contract.amendment.beforeContract",
                    contract.signedOn()));
        }
        if (scan == null) {
            errors.add(new FieldValidationException.FieldError("scan", "contract.scan.required"));
        }
        if (!errors.isEmpty()) {
            throw new FieldValidationException(errors);
        }
        ContractAmendment a = new ContractAmendment();
        a.id = Ids.newId();
        a.contractId = contract.id();
        a.number = contract.number() + "-B" + sequence;
        a.title = t;
        a.summary = s;
        a.amountChange = change.setScale(2);
        a.signedOn = signedOn;
        a.scanFileId = scan;
        a.createdBy = by;
        a.createdAt = now;
        return a;
    }

    public UUID id() { return id; }
    public UUID contractId() { return contractId; }
    public String number() { return number; }
    public String title() { return title; }
    public String summary() { return summary; }
    public BigDecimal amountChange() { return amountChange; }
    public LocalDate signedOn() { return signedOn; }
    public UUID scanFileId() { return scanFileId; }
    public UUID createdBy() { return createdBy; }
    public Instant createdAt() { return createdAt; }
    public Long version() { return version; }
}
