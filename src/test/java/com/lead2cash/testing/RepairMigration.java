package com.lead2cash.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A data repair's Flyway migration, as its test uses it: Flyway ran it on the test database before any data of the
 * test existed, so the test sets up the state the repair was written for and runs the script again itself — twice,
 * as a repair must change each record once.
 */
public final class RepairMigration {

    private final JdbcClient jdbc;
    private final String version;

    private RepairMigration(JdbcClient jdbc, String version) {
        this.jdbc = jdbc;
        this.version = version;
    }

    /** The migration {@code db/migration/V<version>__*.sql}. */
    public static RepairMigration of(JdbcClient jdbc, String version) {
        return new RepairMigration(jdbc, version);
    }

    /** Whether Flyway applied it to the test database, successfully. */
    public boolean ranByFlyway() {
        return jdbc.sql("select count(*) from flyway_schema_history where version = :v and success")
                .param("v", version).query(Long.class).single() == 1;
    }

    /** Runs the script on the data as it stands, and once more. */
    public void runTwice() {
        String script = script();
        jdbc.sql(script).update();
        jdbc.sql(script).update();
    }

    /**
     * The audit lines the system wrote of the entity (no actor), oldest first, one a line:
     * {@code ACTION field old -> new}, then the detail (its line breaks as {@code |}) when there is one; a missing
     * value reads {@code null}.
     */
    public List<String> systemAudit(String entityType, Object id) {
        return jdbc.sql("""
                select action || ' ' || coalesce(field, 'null') || ' ' || coalesce(old_value, 'null') || ' -> '
                    || coalesce(new_value, 'null') || coalesce(' ' || replace(detail, chr(10), '|'), '')
                from platform_audit_event
                where entity_type = :type and entity_id = :id and actor_id is null and actor_name = 'system'
                order by id""").param("type", entityType).param("id", id.toString()).query(String.class).list();
    }

    private String script() {
        try {
            Resource[] found = new PathMatchingResourcePatternResolver()
                    .getResources("classpath:db/migration/V" + version + "__*.sql");
            if (found.length != 1) {
                throw new IllegalStateException(found.length + " migrations of version " + version);
            }
            return found[0].getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
