package com.lead2cash.platform;

/** How a role reads a {@link ProtectedField}, from the least to the most restricted. */
public enum FieldAccess {
    /** SPEC §1: whole for the owner and those above the owner, masked for everyone else. */
    DEFAULT,
    /** Masked for every holder of the role, on their own records too (脱敏). */
    MASKED,
    /** Not shown at all, and never matched by a search (隐藏). */
    HIDDEN;

    /** The message key of the access's name. */
    public String labelKey() {
        return "fieldRules.access." + name();
    }
}
