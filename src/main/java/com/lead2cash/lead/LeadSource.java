package com.lead2cash.lead;

/** Where a lead came from (线索来源). */
public enum LeadSource {
    TRADE_SHOW, WEBSITE_FORM, REFERRAL, PARTNER, MARKETING_EVENT, INBOUND_INQUIRY, CHANNEL, PUBLIC_INFORMATION,
    RESEARCH, OTHER
}
