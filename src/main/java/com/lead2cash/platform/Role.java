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

    /**
     * Whose contacts' phone and e-mail the role reads unmasked (SPEC §1: the owner and those above the owner):
     * its data scope, except finance's, which reads every record for the money on it without standing above
     * anyone (财务只读全部业务数据，不因此看到客户联系人的个人信息).
     */
    public ScopeKind personalDataScope() {
        return this == FINANCE ? ScopeKind.SELF : defaultScope;
    }

    /** The Spring Security authority for this role. */
    public String authority() {
        return "ROLE_" + name();
    }

    /**
     * Whether a holder of the role may hold leads, whose routing weighs their seniority (SPEC §1, L4): a sales rep,
     * an account manager, a sales director, regional or sales manager. Such a person must have a hire date.
     */
    public boolean holdsLeads() {
        return this == SALES_REP || this == ACCOUNT_MANAGER || isManagerial();
    }

    public boolean isManagerial() {
        return this == SALES_DIRECTOR || this == REGIONAL_MANAGER || this == SALES_MANAGER;
    }
}
