package com.lead2cash.lead.internal;

import com.lead2cash.lead.internal.routing.SalesTerritory;
import com.lead2cash.lead.internal.routing.TerritoryService;
import com.lead2cash.region.Region;
import com.lead2cash.region.Regions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * Resolves the region texts stored before regions were administrative divisions (行政区划): each lead's
 * text gets its division code where it names one (the text stays as entered; the rest stays flagged), and
 * each territory's entries become division codes where they name exactly one division. Runs once per
 * database, in Flyway's transaction, before the application serves anything; a Spring bean so that it
 * reads the divisions through {@link Regions}.
 */
@Component
public class V202612014001__lead_region_codes extends BaseJavaMigration {

    private final Regions regions;

    V202612014001__lead_region_codes(Regions regions) {
        this.regions = regions;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        resolveLeads(context.getConnection());
        resolveTerritories(context.getConnection());
    }

    /** One lookup per distinct text, then one update joining the texts to their codes. */
    void resolveLeads(Connection connection) throws SQLException {
        Map<String, String> codes = new LinkedHashMap<>();
        try (PreparedStatement texts = connection.prepareStatement(
                "select distinct region from lead_lead where region is not null and region_code is null");
             ResultSet rs = texts.executeQuery()) {
            while (rs.next()) {
                String text = rs.getString(1);
                regions.resolve(text).filter(Region::resolved).ifPresent(r -> codes.put(text, r.code()));
            }
        }
        if (codes.isEmpty()) {
            return;
        }
        try (var create = connection.createStatement()) {
            create.execute("create temporary table lead_region_text (text text primary key, code text not null) on commit drop");
        }
        try (PreparedStatement insert = connection.prepareStatement("insert into lead_region_text values (?, ?)")) {
            for (Map.Entry<String, String> e : codes.entrySet()) {
                insert.setString(1, e.getKey());
                insert.setString(2, e.getValue());
                insert.addBatch();
            }
            insert.executeBatch();
        }
        try (var update = connection.createStatement()) {
            update.executeUpdate("""
                    update lead_lead l set region_code = t.code from lead_region_text t
                    where l.region = t.text and l.region_code is null
                    """);
            update.execute("drop table lead_region_text");
        }
    }

    void resolveTerritories(Connection connection) throws SQLException {
        List<Object[]> changed = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "select id, regions from lead_territory where regions <> ''");
             ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                String before = rs.getString("regions");
                String after = String.join(",", SalesTerritory.split(before).stream()
                        .map(entry -> TerritoryService.divisionCode(regions, entry).orElse(entry))
                        .distinct()
                        .toList());
                if (!after.equals(before)) {
                    changed.add(new Object[] {rs.getObject("id", UUID.class), after});
                }
            }
        }
        try (PreparedStatement update = connection.prepareStatement("update lead_territory set regions = ? where id = ?")) {
            for (Object[] row : changed) {
                update.setString(1, (String) row[1]);
                update.setObject(2, row[0]);
                update.addBatch();
            }
            update.executeBatch();
        }
    }
}
