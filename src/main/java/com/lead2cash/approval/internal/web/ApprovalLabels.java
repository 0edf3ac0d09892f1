package com.lead2cash.approval.internal.web;

import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * How the approval screens name a step, the kind of record approved and its facts, in the reader's language.
 * Templates call it as a bean: {@code ${@approvalLabels.step(a.task.stepName)}}.
 */
@Component("approvalLabels")
public class ApprovalLabels {

    /** A step named like a role ("FINANCE", "finance") may be read through the role's label. */
    private static final Pattern ROLE_LIKE = Pattern.compile("[A-Za-z_]{1,40}");

    /** A fact value that may be a code of the submitting module (HIGH, VAT_SPECIAL), not a name or an amount. */
    private static final Pattern CODE_LIKE = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,39}");

    private final MessageSource messages;

    ApprovalLabels(MessageSource messages) {
        this.messages = messages;
    }

    /**
     * A step's name: its label (approval.step.NAME, given by the module that builds the flow), else the label of
     * the role it names, else the name as stored (steps of approvals stored before their module gave it a key).
     */
    public String step(String name) {
        if (name == null) {
            return "";
        }
        Locale locale = LocaleContextHolder.getLocale();
        String label = messages.getMessage("approval.step." + name, null, null, locale);
        if (label == null && ROLE_LIKE.matcher(name).matches()) {
            label = messages.getMessage("role." + name.toUpperCase(Locale.ROOT), null, null, locale);
        }
        return label == null ? name : label;
    }

    /** The kind of record approved (approval.subject.Type), else the type as stored. */
    public String subject(String subjectType) {
        if (subjectType == null) {
            return "";
        }
        return messages.getMessage("approval.subject." + subjectType, null, subjectType, LocaleContextHolder.getLocale());
    }

    /** A fact's name (approval.fact.NAME, given by the module that submits it), else the name as stored. */
    public String fact(String name) {
        if (name == null) {
            return "";
        }
        return messages.getMessage("approval.fact." + name, null, name, LocaleContextHolder.getLocale());
    }

    /**
     * A fact's value: a code read through the labels its module already has for it — the module's bundle names
     * them, approval.factLabels.SUBJECT.NAME=contract.risk reads HIGH as contract.risk.HIGH — else the value as
     * stored (names, amounts, and codes that have no label).
     */
    public String factValue(String subjectType, String name, String value) {
        if (value == null || subjectType == null || name == null || !CODE_LIKE.matcher(value).matches()) {
            return value == null ? "" : value;
        }
        Locale locale = LocaleContextHolder.getLocale();
        String labels = messages.getMessage("approval.factLabels." + subjectType + "." + name, null, null, locale);
        return labels == null ? value : messages.getMessage(labels + "." + value, null, value, locale);
    }

    /** A history line's reassignment (REASSIGNED: from whom, to whom), null for any other detail. */
    public com.lead2cash.approval.internal.domain.Reassignment reassignment(String detail) {
        return com.lead2cash.approval.internal.domain.Reassignment.parse(detail).orElse(null);
    }
}
