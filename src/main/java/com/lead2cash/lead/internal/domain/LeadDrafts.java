package com.lead2cash.lead.internal.domain;

import com.lead2cash.customer.EmailAddresses;
import com.lead2cash.customer.InvalidUnifiedSocialCreditCodeException;
import com.lead2cash.customer.PhoneNumbers;
import com.lead2cash.customer.UnifiedSocialCreditCode;
import com.lead2cash.platform.FieldValidationException.FieldError;
import com.lead2cash.platform.FieldValidationException;
import com.lead2cash.platform.InputRules;
import com.lead2cash.region.Region;
import com.lead2cash.region.Regions;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Validates and tidies a lead draft the same way on every capture path (form, API, web form, import):
 * all refusals at once, field by field, and nothing is stored when any field is refused.
 */
public final class LeadDrafts {

    static final int NAME_MAX = 200;
    static final int SHORT_MAX = 60;
    static final int TEXT_MAX = 2000;
    static final BigDecimal BUDGET_MAX = new BigDecimal("1000000000000");

    private LeadDrafts() {
    }

    /**
     * The draft checked and tidied; its region resolved to an administrative division where the text
     * names one (a code picks one directly), else kept as entered with no code — a warning, never a refusal.
     */
    public static LeadDraft validate(LeadDraft d, LocalDate today, Regions regions) {
        return validate(d, today, regions, true);
    }

    /**
     * {@link #validate}, where {@code sourceRequired} false lets a draft without its source through: a duplicate
     * check asks about a company, not about where a lead came from.
     */
    public static LeadDraft validate(LeadDraft d, LocalDate today, Regions regions, boolean sourceRequired) {
        List<FieldError> errors = new ArrayList<>();
        String company = InputRules.trimToNull(d.companyName());
        if (company == null) {
            errors.add(new FieldError("companyName", "lead.companyName.required"));
        } else if (company.length() > NAME_MAX) {
            errors.add(new FieldError("companyName", "lead.field.tooLong", NAME_MAX));
        } else {
            InputRules.singleLineProblem("companyName", company).ifPresent(errors::add);
        }
        if (d.source() == null && sourceRequired) {
            errors.add(new FieldError("source", "lead.source.required"));
        }
        String contactName = limit(errors, "contactName", d.contactName(), SHORT_MAX);
        InputRules.singleLineProblem("contactName", contactName).ifPresent(errors::add);
        String contactTitle = limit(errors, "contactTitle", d.contactTitle(), SHORT_MAX);
        InputRules.singleLineProblem("contactTitle", contactTitle).ifPresent(errors::add);
        String industry = limit(errors, "industry", d.industry(), SHORT_MAX);
        Optional<Region> region = regions.resolve(limit(errors, "region", d.region(), SHORT_MAX));
        String productLine = limit(errors, "productLine", d.productLine(), SHORT_MAX);
        String sourceDetail = limit(errors, "sourceDetail", d.sourceDetail(), NAME_MAX);
        String notes = limit(errors, "notes", d.notes(), TEXT_MAX);
        String chain = limit(errors, "decisionChainNotes", d.decisionChainNotes(), TEXT_MAX);
        String phone = limit(errors, "phone", d.phone(), 40);
        if (phone != null && !PhoneNumbers.isPlausible(PhoneNumbers.normalize(phone))) {
            errors.add(new FieldError("phone", "lead.phone.invalid"));
        }
        String email = limit(errors, "email", d.email(), 120);
        if (email != null && !EmailAddresses.isPlausible(EmailAddresses.normalize(email))) {
            errors.add(new FieldError("email", "lead.email.invalid"));
        }
        String uscc = InputRules.trimToNull(d.uscc());
        if (uscc != null) {
            try {
                uscc = UnifiedSocialCreditCode.parse(uscc).value();
            } catch (InvalidUnifiedSocialCreditCodeException e) {
                errors.add(new FieldError("uscc", e.messageKey(), e.args().toArray()));
            }
        }
        if (d.budget() != null && d.budget().compareTo(BUDGET_MAX) >= 0) {
            // too large told as every amount too large is (not as a negative one): the digits it may have
            errors.add(new FieldError("budget", "error.input.amountTooLarge", BUDGET_MAX.precision() - 1,
                    InputRules.MONEY_SCALE));
        } else if (d.budget() != null && (d.budget().signum() < 0 || d.budget().scale() > 2)) {
            errors.add(new FieldError("budget", "lead.budget.invalid"));
        }
        if (d.purchaseDate() != null && (d.purchaseDate().isBefore(today.minusYears(1))
                || d.purchaseDate().isAfter(today.plusYears(10)))) {
            errors.add(new FieldError("purchaseDate", "lead.purchaseDate.outOfRange"));
        }
        if (!errors.isEmpty()) {
            throw new FieldValidationException(errors);
        }
        return new LeadDraft(company, contactName, contactTitle, phone, email, industry,
                region.map(Region::entered).orElse(null), productLine, d.source(), sourceDetail, d.sourcedAt(),
                d.budget(), d.purchaseDate(), d.decisionMakerKnown(), chain, uscc, notes,
                region.map(Region::code).orElse(null));
    }

    private static String limit(List<FieldError> errors, String field, String value, int max) {
        String v = InputRules.trimToNull(value);
        if (v != null && v.length() > max) {
            errors.add(new FieldError(field, "lead.field.tooLong", max));
        }
        return v;
    }
}
