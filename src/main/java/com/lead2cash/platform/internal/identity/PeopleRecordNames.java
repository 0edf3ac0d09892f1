package com.lead2cash.platform.internal.identity;

import com.lead2cash.platform.CurrentUser;
import com.lead2cash.platform.RecordNames;
import com.lead2cash.platform.Role;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How a user and an org unit read where records are listed by type and id (the audit screen): a user by their name and
 * user name, a unit by its name; both the administrator's to see (the users and org screens), linked to those screens
 * for an administrator and named for no one else.
 */
@Configuration
class PeopleRecordNames {

    @Bean
    RecordNames userRecordNames(JdbcClient jdbc) {
        return named("User", jdbc, "select id, display_name || ' (' || username || ')' as name from platform_user"
                + " where id in (:ids)", id -> "/admin/users/" + id);
    }

    @Bean
    RecordNames orgUnitRecordNames(JdbcClient jdbc) {
        return named("OrgUnit", jdbc, "select id, name from platform_org_unit where id in (:ids)", id -> "/admin/org");
    }

    private static RecordNames named(String type, JdbcClient jdbc, String sql,
                                     java.util.function.Function<UUID, String> page) {
        return new RecordNames() {
            @Override
            public String recordType() {
                return type;
            }

            @Override
            public Map<String, RecordName> names(Collection<String> ids) {
                if (!CurrentUser.get().map(u -> u.has(Role.ADMIN)).orElse(false)) {
                    return Map.of();
                }
                return RecordNames.read(jdbc, sql, ids, page);
            }
        };
    }
}
