package com.lead2cash.approval.internal.web;

import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * How the approval screens name a step and the kind of record approved, in the reader's language. Templates call it
 * as a bean: {@code ${@approvalLabels.step(a.task.stepName)}}.
 */
@Component("approvalLabels")
public class ApprovalLabels {

    /** A step named like a role ("FINANCE", "finance") may be read through the role's label. */
    private static final Pattern ROLE_LIKE = Pattern.compile("[A-Za-z_]{1,40}");

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
}
