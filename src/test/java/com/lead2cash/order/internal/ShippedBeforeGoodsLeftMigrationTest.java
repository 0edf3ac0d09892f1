package com.lead2cash.order.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.testing.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * V202612080400 (decision 0044): an order made SHIPPED by a shipment booked for a later day, before SHIPPED meant the
 * goods left, is PREPARING again while its last shipment has not left, with the task that ships it on that day; an
 * order whose goods have left, and every other status, stays as it is. Run twice, it changes each order once.
 */
@IntegrationTest
class ShippedBeforeGoodsLeftMigrationTest {

    private static final String MIGRATION = "db/migration/V202612080400__order_shipped_before_goods_left.sql";

    @Autowired JdbcClient jdbc;
    @Value("${l2c.zone}") String zone;

    @Test
    void flywayRanIt() {
        assertThat(jdbc.sql("select success from flyway_schema_history where version = '202612080400'")
                .query(Boolean.class).single()).isTrue();
    }

    @Test
    void anOrderShippedBeforeItsLastGoodsLeftIsPreparingAgainAndShipsOnTheirDay() throws Exception {
        // "today" as the migration sees it: the database's clock, in the company's zone
        LocalDate today = jdbc.sql("select (now() at time zone :zone)::date").param("zone", zone)
                .query(LocalDate.class).single();
        UUID allLater = order("SHIPPED", null, today.plusDays(3), today.plusDays(5));
        UUID lastLater = order("SHIPPED", null, today.minusDays(2), today.plusDays(4));
        UUID leavesToday = order("SHIPPED", null, today.minusDays(1), today);
        UUID left = order("SHIPPED", null, today.minusDays(3));
        UUID terminated = order("SHIPPED", today.minusDays(1), today.plusDays(6));
        UUID delivered = order("DELIVERED", null, today.plusDays(2));
        UUID preparing = order("PREPARING", null, today.plusDays(2));

        String migration = new ClassPathResource(MIGRATION).getContentAsString(StandardCharsets.UTF_8)
                .replace("${company_zone}", zone);
        jdbc.sql(migration).update();
        jdbc.sql(migration).update();

        assertThat(state(allLater)).as("all booked for later").isEqualTo("PREPARING:1");
        assertThat(state(lastLater)).as("the last goods leave later").isEqualTo("PREPARING:1");
        assertThat(state(terminated)).as("stopped by its terminated contract: stays preparing").isEqualTo("PREPARING:1");
        assertThat(state(leavesToday)).as("the last goods leave today").isEqualTo("SHIPPED:0");
        assertThat(state(left)).isEqualTo("SHIPPED:0");
        assertThat(state(delivered)).isEqualTo("DELIVERED:0");
        assertThat(state(preparing)).isEqualTo("PREPARING:0");

        ZoneId company = ZoneId.of(zone);
        assertThat(tasks(allLater)).as("ships at the start of its last ship date, once")
                .containsExactly(Timestamp.from(today.plusDays(5).atStartOfDay(company).toInstant()));
        assertThat(tasks(lastLater)).containsExactly(Timestamp.from(today.plusDays(4).atStartOfDay(company).toInstant()));
        for (UUID untouched : List.of(terminated, leavesToday, left, delivered, preparing)) {
            assertThat(tasks(untouched)).isEmpty();
        }
    }

    private UUID order(String status, LocalDate terminatedOn, LocalDate... shipDates) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into order_order (id, number, contract_id, contract_number, customer_id, owner_id, status, address,
                    consignee, promised_date, contract_terminated_on, created_at, updated_at, version)
                values (:id, :number, :contract, 'HT-MIG-1', :customer, :owner, :status, '杭州市西湖区文三路 1 号', '王收货',
                    date '2026-11-30', :terminated, timestamptz '2026-11-20 02:00:00Z', timestamptz '2026-11-20 02:00:00Z', 0)
                """).param("id", id).param("number", "DD-MIG-" + id).param("contract", UUID.randomUUID())
                .param("customer", UUID.randomUUID()).param("owner", UUID.randomUUID()).param("status", status)
                .param("terminated", terminatedOn).update();
        jdbc.sql("""
                insert into order_line (order_id, line_key, product_id, product_code, product_name, quantity, shipped)
                values (:id, 1, :product, 'P-1', '工业网关', :n, :n)""")
                .param("id", id).param("product", UUID.randomUUID()).param("n", shipDates.length).update();
        for (int i = 0; i < shipDates.length; i++) {
            jdbc.sql("""
                    insert into order_shipment (order_id, shipment_key, line_key, quantity, carrier, ship_date, recorded_by,
                        recorded_at)
                    values (:id, :key, 1, 1, '顺丰', :day, :by, timestamptz '2026-11-21 02:00:00Z')""")
                    .param("id", id).param("key", i + 1).param("day", shipDates[i]).param("by", UUID.randomUUID())
                    .update();
        }
        return id;
    }

    private String state(UUID order) {
        return jdbc.sql("select status || ':' || version from order_order where id = :id").param("id", order)
                .query(String.class).single();
    }

    private List<Timestamp> tasks(UUID order) {
        return jdbc.sql("""
                select execution_time from scheduled_tasks where task_name = 'order-goods-leave' and task_instance = :id
                    and not picked""")
                .param("id", order.toString()).query(Timestamp.class).list();
    }
}
