package com.lead2cash.sop;

import com.lead2cash.sop.internal.policy.PolicyVersion;

/** The SOP policy (SOP 规则): the current version of every rule of the rule catalogue, and any earlier version. */
public interface SopPolicy {

    PolicySnapshot current();

    PolicySnapshot version(long version);

    /**
     * The policy as the rule catalogue defines it out of the box, before any change: for the pure
     * rules of a module in unit tests, and to check a module's rules record against the catalogue.
     */
    static PolicySnapshot defaults() {
        return PolicyVersion.DEFAULTS;
    }
}
