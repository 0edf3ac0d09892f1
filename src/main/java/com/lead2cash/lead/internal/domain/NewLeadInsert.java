package com.lead2cash.lead.internal.domain;

/**
 * How {@link LeadRepository} saves a lead: a new lead with one plain insert (its grade reasons sent
 * with the transaction's other deferred inserts), an existing one through Spring Data JDBC as before.
 */
public interface NewLeadInsert {

    <S extends Lead> S save(S lead);
}
