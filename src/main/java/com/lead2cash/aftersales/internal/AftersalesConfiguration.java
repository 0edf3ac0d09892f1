package com.lead2cash.aftersales.internal;

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

/** The after-sales module's rules checked at start, and how its deadlines' subjects read on the deadline screens. */
@Configuration
class AftersalesConfiguration {

    AftersalesConfiguration() {
        SopPolicy.defaults().bind(AftersalesRules.class);
    }

    @Bean
    SubjectDescriber handoverSubjects(JdbcClient jdbc) {
        return describer(jdbc, AftersalesAccess.HANDOVER, "aftersales_handover");
    }

    @Bean
    SubjectDescriber handoverReviewSubjects(JdbcClient jdbc) {
        return describer(jdbc, AftersalesAccess.HANDOVER_REVIEW, "aftersales_handover");
    }

    @Bean
    SubjectDescriber complaintSubjects(JdbcClient jdbc) {
        return describer(jdbc, AftersalesAccess.COMPLAINT, "aftersales_complaint");
    }

    /** "HO-2026-000001 上海某某公司"; no link while after-sales has no screens of its own. */
    private static SubjectDescriber describer(JdbcClient jdbc, String type, String table) {
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
                                new SubjectLabel(rs.getString("code") + " " + rs.getString("customer_name"), null)))
                        .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            }
        };
    }
}
