package com.lead2cash.customer.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.customer.CustomerGrade;
import com.lead2cash.customer.CustomerStatus;
import com.lead2cash.platform.NewAggregateInserts;
import com.lead2cash.testing.IntegrationTest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.jdbc.core.JdbcAggregateOperations;
import org.springframework.data.relational.core.mapping.event.AfterSaveEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A new customer's and a new contact's plain insert (platform.NewAggregateInserts) write exactly what
 * Spring Data JDBC writes for them — the embedded grade factors, the search tokens and the audit entry
 * included — and later changes still go through Spring Data.
 */
@IntegrationTest
@RecordApplicationEvents
class NewCustomerInsertTest {

    private static final Instant NOW = Instant.parse("2026-12-02T02:00:00Z");

    @Autowired CustomerRepository customers;
    @Autowired ContactRepository contacts;
    @Autowired JdbcAggregateOperations aggregates;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate tx;
    @Autowired ApplicationEvents events;

    /** Spring Data's generic save announces each aggregate it saved; the plain insert does not. */
    private long savedBySpringData(Object aggregate) {
        return events.stream(AfterSaveEvent.class).filter(e -> e.getEntity() == aggregate).count();
    }

    private static Customer customer(String code) {
        CustomerProfile profile = CustomerProfile.validated("杭州插入测试科技有限公司", "91350100M000100Y43", "软件", CompanySize.MEDIUM,
                "浙江省杭州市", "330100", "西湖区文三路 1 号", "https://insert.example.cn", CustomerSource.REFERRAL);
        return Customer.register(code, profile, null, CustomerGrade.A,
                new GradeFactors(Level.HIGH, Level.MEDIUM, Level.LOW, Level.HIGH), "大客户", CustomerStatus.PROSPECT,
                UUID.randomUUID(), UUID.randomUUID(), NOW);
    }

    private Map<String, Object> row(String table, UUID id, String... differing) {
        Map<String, Object> row = new TreeMap<>(jdbc.sql("select * from " + table + " where id = :id").param("id", id)
                .query().singleRow());
        List.of(differing).forEach(row::remove);
        // an array column compares by its elements
        row.replaceAll((column, value) -> value instanceof java.sql.Array array ? elements(array) : value);
        return row;
    }

    private static List<Object> elements(java.sql.Array array) {
        try {
            return List.of((Object[]) array.getArray());
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private String audit(UUID id, String... differing) {
        String entry = jdbc.sql("select action || ' ' || new_value from platform_audit_event where entity_id = :id")
                .param("id", id.toString()).query(String.class).single();
        for (String s : differing) {
            entry = entry.replace(s, "?");
        }
        return entry;
    }

    @Test
    void aNewCustomerAndContactAreStoredAsSpringDataStoresThemAndStillUpdateThroughSpringData() {
        Customer generic = customer("C-TEST-000001");
        Customer plain = customer("C-TEST-000002");
        Contact genericContact = Contact.add(generic.id(), ContactDetails.validated("钱经理", "采购总监", "采购部",
                "13911110001", "qian@insert.example.cn", "qian-wx", DecisionRole.DECISION_MAKER, Attitude.SUPPORTIVE, "备注"),
                true, NOW);
        Contact plainContact = Contact.add(plain.id(), ContactDetails.validated("钱经理", "采购总监", "采购部",
                "13911110001", "qian@insert.example.cn", "qian-wx", DecisionRole.DECISION_MAKER, Attitude.SUPPORTIVE, "备注"),
                true, NOW);
        tx.executeWithoutResult(s -> {
            aggregates.insert(generic);
            customers.save(plain);
            aggregates.insert(genericContact);
            contacts.save(plainContact);
        });

        assertThat(savedBySpringData(plain)).as("the repository's save went by the plain insert").isZero();
        assertThat(savedBySpringData(plainContact)).isZero();
        assertThat(plain.version()).isZero();
        Map<String, Object> stored = row("customer_customer", plain.id(), "id", "code", "owner_id", "created_by");
        assertThat(stored).isEqualTo(row("customer_customer", generic.id(), "id", "code", "owner_id", "created_by"));
        assertThat(stored).containsEntry("grade_industry_position", "HIGH").containsEntry("grade_budget", "LOW")
                .containsEntry("region_code", "330100");
        assertThat(jdbc.sql("select array_length(search_tokens, 1) from customer_customer where id = :id")
                .param("id", plain.id()).query(Integer.class).single()).isPositive();
        assertThat(audit(plain.id(), plain.id().toString(), plain.code(), plain.ownerId().toString(),
                plain.createdBy().toString())).startsWith("CREATE").isEqualTo(audit(generic.id(), generic.id().toString(),
                generic.code(), generic.ownerId().toString(), generic.createdBy().toString()));

        assertThat(plainContact.version()).isZero();
        assertThat(row("customer_contact", plainContact.id(), "id", "customer_id"))
                .isEqualTo(row("customer_contact", genericContact.id(), "id", "customer_id"))
                .containsEntry("is_primary", true).containsEntry("attitude", "SUPPORTIVE");

        Customer again = customers.findById(plain.id()).orElseThrow();
        again.correct(CustomerProfile.validated("杭州插入测试科技有限公司", null, "软件", CompanySize.LARGE, "浙江省杭州市", "330100",
                null, null, CustomerSource.REFERRAL), NOW.plusSeconds(60));
        tx.executeWithoutResult(s -> customers.save(again));
        assertThat(savedBySpringData(again)).as("a change goes through Spring Data").isEqualTo(1);
        assertThat(customers.findById(plain.id()).orElseThrow().version()).isEqualTo(1);
    }

    @Test
    void inATransactionThatDefersThemNewCustomersAndContactsWaitForTheCommitAndAreStoredTheSame() {
        Customer generic = customer("C-TEST-000003");
        Customer deferred = customer("C-TEST-000004");
        Contact genericContact = Contact.add(generic.id(), ContactDetails.validated("孙经理", null, null, "13911110003",
                null, null, null, null, null), true, NOW);
        Contact deferredContact = Contact.add(deferred.id(), ContactDetails.validated("孙经理", null, null, "13911110003",
                null, null, null, null, null), true, NOW);
        tx.executeWithoutResult(s -> {
            aggregates.insert(generic);
            aggregates.insert(genericContact);
            NewAggregateInserts.deferNewAggregates();
            customers.save(deferred);
            contacts.save(deferredContact);
            assertThat(jdbc.sql("select count(*) from customer_customer where id = :id").param("id", deferred.id())
                    .query(Long.class).single()).as("sent with the transaction's deferred inserts").isZero();
        });

        assertThat(savedBySpringData(deferred)).isZero();
        assertThat(deferred.version()).isZero();
        assertThat(row("customer_customer", deferred.id(), "id", "code", "owner_id", "created_by"))
                .isEqualTo(row("customer_customer", generic.id(), "id", "code", "owner_id", "created_by"));
        assertThat(row("customer_contact", deferredContact.id(), "id", "customer_id"))
                .isEqualTo(row("customer_contact", genericContact.id(), "id", "customer_id"));
        assertThat(audit(deferred.id(), deferred.id().toString(), deferred.code(), deferred.ownerId().toString(),
                deferred.createdBy().toString())).isEqualTo(audit(generic.id(), generic.id().toString(), generic.code(),
                generic.ownerId().toString(), generic.createdBy().toString()));
    }
}
