package com.lead2cash.receivable;

import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.testing.ContractTestSupport;
import com.lead2cash.testing.ContractTestSupport.Reviewers;
import com.lead2cash.testing.CustomerTestSupport;
import com.lead2cash.testing.IntegrationTest;
import com.lead2cash.testing.RepairMigration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * V202612081001 moves the receipts recorded on a customer after it had been merged (before the service refused a
 * merged customer) to the customer its merges end in, as the merge moves the ones recorded before it: one repeating the
 * bank reference of a standing receipt there is marked as its twin.
 */
@IntegrationTest
class ReceiptsOnMergedCustomersMigrationTest {


    @Autowired MockMvcTester mvc;
    @Autowired ContractTestSupport support;
    @Autowired CustomerTestSupport customers;
    @Autowired JdbcClient jdbc;

    @Test
    void receiptsLeftOnAMergedCustomerMoveToTheCustomerItsMergesEndInATwinMarked() throws Exception {
        Reviewers r = support.reviewers("rmm", CustomerTestSupport.HIRED.minusYears(10));
        String rep = customers.bearer(mvc, r.rep());
        String manager = customers.bearer(mvc, r.manager());
        String finance = customers.bearer(mvc, r.finance());
        UUID survivor = id(customers.customer(mvc, rep, "嘉兴迁移合并收款电子有限公司", null).get("id").asString());
        UUID merged = id(customers.customer(mvc, rep, "嘉兴迁移合并收款电子（重复一）", null).get("id").asString());
        UUID mergedEarlier = id(customers.customer(mvc, rep, "嘉兴迁移合并收款电子（重复二）", null).get("id").asString());
        UUID elsewhere = id(customers.customer(mvc, rep, "嘉兴迁移别家收款电子有限公司", null).get("id").asString());
        String body = """
                {"customerId":"%s","amount":33330.00,"receivedOn":"2026-12-01","method":"BANK_TRANSFER","reference":"%s"}""";
        UUID standing = record(finance, body.formatted(survivor, "PAY-MIG-1"));
        // merged twice over: the earlier into the other, which is merged into the survivor
        merge(manager, merged, mergedEarlier);
        merge(manager, survivor, merged);
        // what the service recorded before it refused a merged customer: receipts under the merged ones
        UUID twin = record(finance, body.formatted(elsewhere, "pay-mig-1"));
        UUID advance = record(finance, body.formatted(elsewhere, "PAY-MIG-2"));
        UUID onEarlier = record(finance, body.formatted(elsewhere, "PAY-MIG-3"));
        jdbc.sql("update receivable_receipt set customer_id = :m where id in (:ids)").param("m", merged)
                .param("ids", java.util.List.of(twin, advance)).update();
        jdbc.sql("update receivable_receipt set customer_id = :m where id = :id").param("m", mergedEarlier)
                .param("id", onEarlier).update();
        Map<UUID, Long> versions = Map.of(twin, version(twin), advance, version(advance), onEarlier, version(onEarlier),
                standing, version(standing));

        RepairMigration.of(jdbc, "202612081001").runTwice();

        for (UUID receipt : new UUID[] {twin, advance, onEarlier, standing}) {
            assertThat(jdbc.sql("select customer_id from receivable_receipt where id = :id").param("id", receipt)
                    .query(UUID.class).single()).as("under the survivor").isEqualTo(survivor);
        }
        assertThat(repeats(twin)).as("the same transfer as the survivor's standing receipt: marked for finance").isTrue();
        assertThat(repeats(advance)).isFalse();
        assertThat(repeats(onEarlier)).isFalse();
        assertThat(repeats(standing)).as("the one holding the reference keeps it").isFalse();
        assertThat(version(twin)).as("moved once, a new version").isEqualTo(versions.get(twin) + 1);
        assertThat(version(onEarlier)).isEqualTo(versions.get(onEarlier) + 1);
        assertThat(version(standing)).as("untouched").isEqualTo(versions.get(standing));
        assertThat(jdbc.sql("select count(*) from receivable_receipt where customer_id in (:m)")
                .param("m", java.util.List.of(merged, mergedEarlier)).query(Integer.class).single()).isZero();
    }

    private static UUID id(String text) {
        return UUID.fromString(text);
    }

    private UUID record(String finance, String body) {
        var recorded = customers.post(mvc, finance, "/api/v1/receipts", body);
        assertThat(recorded).as(ContractTestSupport.text(recorded)).hasStatus(201);
        return id(customers.json(recorded).get("id").asString());
    }

    private void merge(String manager, UUID survivor, UUID merged) {
        var merge = customers.post(mvc, manager, "/api/v1/customers/" + survivor + "/merge",
                "{\"mergedId\":\"" + merged + "\",\"reason\":\"同一家公司\"}");
        assertThat(merge).as(ContractTestSupport.text(merge)).hasStatusOk();
    }

    private boolean repeats(UUID receipt) {
        return jdbc.sql("select reference_duplicate from receivable_receipt where id = :id").param("id", receipt)
                .query(Boolean.class).single();
    }

    private long version(UUID receipt) {
        return jdbc.sql("select version from receivable_receipt where id = :id").param("id", receipt)
                .query(Long.class).single();
    }
}
