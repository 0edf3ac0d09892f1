package com.lead2cash.lead.internal;

import com.lead2cash.lead.LeadSource;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** What a person, a form, an API client or an import row tells about a new lead (线索来源登记表). */
record LeadDraft(String companyName, String contactName, String contactTitle, String phone, String email,
                 String industry, String region, String productLine, LeadSource source, String sourceDetail,
                 Instant sourcedAt, BigDecimal budget, LocalDate purchaseDate, boolean decisionMakerKnown,
                 String decisionChainNotes, String uscc, String notes) {
}
