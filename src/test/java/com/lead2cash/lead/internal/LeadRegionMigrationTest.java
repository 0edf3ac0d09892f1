package com.lead2cash.lead.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.testing.IntegrationTest;
import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Region texts stored before regions were administrative divisions get their codes, once, where they name one. */
@IntegrationTest
class LeadRegionMigrationTest {

    @Autowired JdbcClient jdbc;
    @Autowired DataSource dataSource;
    @Autowired V202612014001__lead_region_codes migration;

    private UUID leadFrom(String region) {
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.parse("2026-11-20T02:00:00Z"));
        jdbc.sql("""
                insert into lead_lead (id, code, company_name, company_name_normalized, region, source, sourced_at,
                    decision_maker_known, captured_via, grade, grade_points, grade_complete, status, version,
                    created_at, updated_at, search_keys)
                values (:id, :code, :name, :name, :region, 'REFERRAL', :now, false, 'MANUAL', 'B', 2, true, 'SCREENED',
                    0, :now, :now, '{}')
                """).param("id", id).param("code", "L-OLD-" + id).param("name", "旧线索 " + region)
                .param("region", region).param("now", now).update();
        return id;
    }

    @Test
    void flywayRunsTheResolutionOnceAfterTheColumnsExist() {
        assertThat(jdbc.sql("select version || ':' || type || ':' || success from flyway_schema_history "
                + "where version in ('202612014000', '202612014001') order by installed_rank").query(String.class).list())
                .containsExactly("202612014000:SQL:true", "202612014001:JDBC:true");
    }

    @Test
    void existingLeadAndTerritoryRegionTextsGetTheirDivisionCodesAndTheRestStaysAsEntered() throws Exception {
        Map<String, UUID> leads = Map.of("浙江省杭州市", leadFrom("浙江省杭州市"), "杭州西湖", leadFrom("杭州西湖"),
                "西湖区", leadFrom("西湖区"), "华东", leadFrom("华东"), "上海", leadFrom("上海"), "上海 ", leadFrom("上海 "));
        UUID territory = UUID.randomUUID();
        jdbc.sql("insert into lead_territory (id, name, regions, version, created_at) values (:id, '旧区域', :r, 0, now())")
                .param("id", territory).param("r", "浙江,华东,桥西区,杭州市,330000").update();

        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            migration.resolveLeads(connection);
            migration.resolveTerritories(connection);
            connection.commit();
        }

        assertThat(code(leads.get("浙江省杭州市"))).isEqualTo("330100");
        assertThat(code(leads.get("杭州西湖"))).isEqualTo("330106");
        assertThat(code(leads.get("上海"))).isEqualTo("310000");
        assertThat(code(leads.get("上海 "))).isEqualTo("310000");
        assertThat(code(leads.get("西湖区"))).as("ambiguous: stays flagged").isNull();
        assertThat(code(leads.get("华东"))).as("names no division: stays flagged").isNull();
        assertThat(jdbc.sql("select region from lead_lead where id = :id").param("id", leads.get("杭州西湖"))
                .query(String.class).single()).as("the text as entered stays").isEqualTo("杭州西湖");
        assertThat(jdbc.sql("select regions from lead_territory where id = :id").param("id", territory)
                .query(String.class).single())
                .as("divisions become codes (once), 桥西区 is not widened to 河北, 华东 stays text")
                .isEqualTo("330000,华东,桥西区,330100");
    }

    private String code(UUID lead) {
        return jdbc.sql("select region_code from lead_lead where id = :id").param("id", lead).query(String.class)
                .optional().orElse(null);
    }
}
