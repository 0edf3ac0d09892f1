package com.lead2cash.lead.internal.domain;

import com.lead2cash.lead.LeadSource;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * What a person, a form, an API client or an import row tells about a new lead (线索来源登记表).
 *
 * @param region as given: free text (浙江省杭州市) or a division code (330100); once checked
 *     ({@link LeadDrafts#validate}) the text to keep, or the division's full name when a code was given
 * @param regionCode the division {@code region} names, filled in when the draft is checked; null when it
 *     names none (kept as entered, flagged) or no region was given
 */
public record LeadDraft(String companyName, String contactName, String contactTitle, String phone, String email,
                 String industry, String region, String productLine, LeadSource source, String sourceDetail,
                 Instant sourcedAt, BigDecimal budget, LocalDate purchaseDate, boolean decisionMakerKnown,
                 String decisionChainNotes, String uscc, String notes, String regionCode) {

    /** A draft as given, before its region was resolved. */
    public LeadDraft(String companyName, String contactName, String contactTitle, String phone, String email,
              String industry, String region, String productLine, LeadSource source, String sourceDetail,
              Instant sourcedAt, BigDecimal budget, LocalDate purchaseDate, boolean decisionMakerKnown,
              String decisionChainNotes, String uscc, String notes) {
        this(companyName, contactName, contactTitle, phone, email, industry, region, productLine, source, sourceDetail,
                sourcedAt, budget, purchaseDate, decisionMakerKnown, decisionChainNotes, uscc, notes, null);
    }

    /** The same draft with another phone and e-mail (what an edit keeps of fields the editor could not see). */
    public LeadDraft withContact(String phone, String email) {
        return new LeadDraft(companyName, contactName, contactTitle, phone, email, industry, region, productLine, source,
                sourceDetail, sourcedAt, budget, purchaseDate, decisionMakerKnown, decisionChainNotes, uscc, notes,
                regionCode);
    }
}
