package com.lead2cash.aftersales.internal;

import com.lead2cash.aftersales.internal.domain.AftersalesRules;
import com.lead2cash.customer.CustomerPagePanel;
import com.lead2cash.platform.NavigationEntry;
import com.lead2cash.sop.SopPolicy;
import com.lead2cash.sop.SubjectDescriber;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The after-sales module's place in the shell (navigation, the card on the customer's page), its rules checked at
 * start, and how its deadlines' subjects read on the deadline screens.
 */
@Configuration
public class AftersalesConfiguration {

    AftersalesConfiguration() {
        SopPolicy.defaults().bind(AftersalesRules.class);
    }

    @Bean
    NavigationEntry handoverNavigation() {
        return new NavigationEntry("aftersales.nav.handovers", "/handovers", 140, AftersalesAccess.READERS);
    }

    @Bean
    NavigationEntry complaintNavigation() {
        return new NavigationEntry("aftersales.nav.complaints", "/complaints", 141, AftersalesAccess.READERS);
    }

    /** Who serves the customer and its service health, on the customer's page. */
    @Bean
    CustomerPagePanel serviceHealthPanel() {
        return new CustomerPagePanel("/aftersales/customers/{id}/panel", 10);
    }

    @Bean
    SubjectDescriber handoverSubjects(JdbcClient jdbc) {
        return describer(jdbc, AftersalesAccess.HANDOVER, "aftersales_handover", "/handovers/");
    }

    @Bean
    SubjectDescriber handoverReviewSubjects(JdbcClient jdbc) {
        return describer(jdbc, AftersalesAccess.HANDOVER_REVIEW, "aftersales_handover", "/handovers/");
    }

    @Bean
    SubjectDescriber complaintSubjects(JdbcClient jdbc) {
        return describer(jdbc, AftersalesAccess.COMPLAINT, "aftersales_complaint", "/complaints/");
    }

    /** "HO-2026-000001 上海某某公司", linking to its page. */
    private static SubjectDescriber describer(JdbcClient jdbc, String type, String table, String path) {
        return new SubjectDescriber() {
            @Override
            public String subjectType() {
                return type;
            }

            @Override
            public Map<String, SubjectLabel> describe(Collection<String> subjectIds) {
                List<UUID> ids = SubjectDescriber.uuids(subjectIds);
                if (ids.isEmpty()) {
                    return Map.of();
                }
                return jdbc.sql("select id, code, customer_name from " + table + " where id in (:ids)").param("ids", ids)
                        .query((rs, i) -> Map.entry(rs.getObject("id", UUID.class).toString(),
                                new SubjectLabel(rs.getString("code") + " " + rs.getString("customer_name"),
                                        path + rs.getObject("id", UUID.class))))
                        .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            }
        };
    }
}
