package com.lead2cash.platform;

import java.util.Objects;
import java.util.Set;

/**
 * How the user on this thread reads one {@link ProtectedField}: through the roles that keep the default rule for it
 * ({@code defaultRoles}, whose data scope decides whose records they read whole), masked through the others, or not
 * at all when every role hides it. A user with several roles reads a field as the least restricted of them allows.
 */
public record FieldSight(ProtectedField field, Set<Role> defaultRoles, boolean hidden) {

    public FieldSight {
        defaultRoles = Set.copyOf(defaultRoles);
        if (hidden && !defaultRoles.isEmpty()) {
            throw new IllegalArgumentException("a field some role reads by default is not hidden");
        }
    }

    /** Whether one of the roles that keep the default rule is {@code role} (operations reads consignees whole). */
    public boolean keepsDefault(Role role) {
        return defaultRoles.contains(role);
    }

    /** Whether any of the reader's roles keeps the default rule: only then may anything be read whole. */
    public boolean anyDefault() {
        return !defaultRoles.isEmpty();
    }

    /**
     * The value as the reader sees it: null when hidden, whole when {@code wholeByDefault} (which the caller worked
     * out from {@link DataScope#personalData(ProtectedField)} or its own rule for the roles that keep the default),
     * masked otherwise.
     */
    public String shown(String value, boolean wholeByDefault) {
        if (hidden) {
            return null;
        }
        return wholeByDefault && anyDefault() ? value : PersonalData.mask(field, value);
    }

    /** Whether the reader is kept from a value the record has: one they see masked or not at all. */
    public boolean withholds(String value, boolean wholeByDefault) {
        return blankAsNull(value) != null && !(wholeByDefault && anyDefault());
    }

    /**
     * What an edit by the reader leaves in the field: what they sent, except that sending back what they were shown of
     * it (the mask, or nothing where the field is hidden from them) keeps the stored value — a reader who could not
     * see the value cannot have meant to write the mask over it, nor to blank it. A value that still holds the mask's
     * {@link PersonalData#HIDDEN_PART} but is not the mask as shown (an edited mask: {@code j***@example.org} for
     * {@code j***@example.com}) is refused on the field's {@link ProtectedField#inputName()}: it would store the mask's
     * stars in place of the part the reader never saw.
     */
    public String kept(String stored, String sent, boolean wholeByDefault) {
        if (wholeByDefault && anyDefault()) {
            return sent;
        }
        String mask = blankAsNull(shown(stored, false));
        String entered = blankAsNull(sent);
        if (Objects.equals(entered, mask)) {
            return stored;
        }
        if (entered != null && entered.contains(PersonalData.HIDDEN_PART)) {
            throw new FieldValidationException(field.inputName(), "fieldRules.error.maskEdited");
        }
        return sent;
    }

    private static String blankAsNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
