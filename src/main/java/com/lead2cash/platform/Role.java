package com.lead2cash.platform;

/** A role a user holds. Each role implies a default data scope. */
public enum Role {
    ADMIN(ScopeKind.ALL),
    SALES_DIRECTOR(ScopeKind.ALL),
    REGIONAL_MANAGER(ScopeKind.TEAM),
    SALES_MANAGER(ScopeKind.TEAM),
    SALES_REP(ScopeKind.SELF),
    ACCOUNT_MANAGER(ScopeKind.SELF),
    SALES_ASSISTANT(ScopeKind.TEAM),
    MARKETING(ScopeKind.SELF),
    FINANCE(ScopeKind.ALL),
    LEGAL(ScopeKind.SELF),
    OPERATIONS(ScopeKind.SELF),
    AFTER_SALES(ScopeKind.SELF),
    TECH_SUPPORT(ScopeKind.SELF);

    private final ScopeKind defaultScope;

    Role(ScopeKind defaultScope) {
        this.defaultScope = defaultScope;
    }

    public ScopeKind defaultScope() {
        return defaultScope;
    }

    /** The Spring Security authority for this role. */
    public String authority() {
        return "ROLE_" + name();
    }

    public boolean isManagerial() {
        return this == SALES_DIRECTOR || this == REGIONAL_MANAGER || this == SALES_MANAGER;
    }
}
