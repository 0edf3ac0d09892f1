package com.lead2cash.aftersales.internal;

import com.lead2cash.aftersales.internal.domain.AftersalesRules;
import com.lead2cash.aftersales.internal.domain.ComplaintRepository;
import com.lead2cash.confirmation.ConfirmationSubjects;
import com.lead2cash.customer.CustomerDirectory;
import com.lead2cash.customer.CustomerPagePanel;
import com.lead2cash.platform.NavigationEntry;
import com.lead2cash.sop.SopPolicy;
import com.lead2cash.sop.SubjectDescriber;
import com.lead2cash.sop.SubjectDescriptions;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The after-sales module's place in the shell (navigation, the card on the customer's page), its rules checked at
 * start, and how its deadlines' subjects and its complaints' rating requests read on screen.
 */
@Configuration
public class AftersalesConfiguration {

    /** The two people whose scope makes a record visible ({@link AftersalesAccess#visibleByEither}), as columns. */
    private static final String HANDOVER_PEOPLE = "rep_id as one_id, service_owner_id as other_id";
    private static final String COMPLAINT_PEOPLE = "handler_id as one_id, customer_owner_id as other_id";

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
        return new CustomerPagePanel("/aftersales/customers/{id}/panel", 10, AftersalesAccess.READERS);
    }

    @Bean
    SubjectDescriber handoverSubjects(JdbcClient jdbc, AftersalesAccess access) {
        return describer(jdbc, access, AftersalesAccess.HANDOVER, "aftersales_handover", HANDOVER_PEOPLE, "/handovers/");
    }

    @Bean
    SubjectDescriber handoverReviewSubjects(JdbcClient jdbc, AftersalesAccess access) {
        return describer(jdbc, access, AftersalesAccess.HANDOVER_REVIEW, "aftersales_handover", HANDOVER_PEOPLE,
                "/handovers/");
    }

    @Bean
    SubjectDescriber complaintSubjects(JdbcClient jdbc, AftersalesAccess access) {
        return describer(jdbc, access, AftersalesAccess.COMPLAINT, "aftersales_complaint", COMPLAINT_PEOPLE,
                "/complaints/");
    }

    @Bean
    ConfirmationSubjects complaintRatingSubjects(@Qualifier("complaintSubjects") SubjectDescriber complaintSubjects,
                                                 CustomerDirectory customers, ComplaintRepository complaints) {
        return new ComplaintConfirmationSubjects(complaintSubjects, customers, complaints);
    }

    /** "HO-2026-000001 上海某某公司", linking to its page when the reader may open it. */
    private static SubjectDescriber describer(JdbcClient jdbc, AftersalesAccess access, String type, String table,
                                              String people, String path) {
        return SubjectDescriptions.of(type, () -> jdbc.sql(
                        "select id, code, customer_name, " + people + " from " + table + " where id in (:ids)"))
                .label(rs -> rs.getString("code") + " " + rs.getString("customer_name"))
                .link(rs -> path + rs.getObject("id", UUID.class))
                .openTo(access::visibleByEither, (visible, rs) ->
                        visible.test(rs.getObject("one_id", UUID.class), rs.getObject("other_id", UUID.class)));
    }
}
