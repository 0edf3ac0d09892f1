package com.lead2cash.customer.internal.domain;

/** Where the customer came from (客户来源): the lead sources, plus records entered or imported directly. */
public enum CustomerSource {
    TRADE_SHOW, WEBSITE_FORM, REFERRAL, PARTNER, MARKETING_EVENT, INBOUND_INQUIRY, CHANNEL, PUBLIC_INFORMATION,
    RESEARCH, OTHER;

    /** A stored or transmitted code; anything unknown (a lead source added later) reads as OTHER. */
    public static CustomerSource of(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        for (CustomerSource s : values()) {
            if (s.name().equals(code)) {
                return s;
            }
        }
        return OTHER;
    }
}
