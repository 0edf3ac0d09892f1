package com.lead2cash.sop;

/** The SOP policy (SOP 规则): the current version of every rule of SPEC §2, and any earlier version. */
public interface SopPolicy {

    PolicySnapshot current();

    PolicySnapshot version(long version);
}
