package com.lead2cash.customer.internal.needs;

import com.lead2cash.confirmation.ConfirmationView;
import com.lead2cash.confirmation.Confirmations;
import com.lead2cash.customer.TimelineContributor;
import com.lead2cash.customer.TimelineCursor;
import com.lead2cash.customer.TimelineEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Puts the needs-analysis reports on the customer's timeline: each version written, each time it was
 * sent to a contact, and the contact's answer. A customer has a handful of versions, so the entries are
 * built from the reports and their confirmations and cut at the cursor here. The versions are read as
 * the four columns the entries show, not as whole aggregates with their decision makers.
 */
@Component
class NeedsAnalysisTimeline implements TimelineContributor {

    private record Version(UUID id, UUID reportId, int number, java.time.Instant writtenAt, UUID writtenBy) {
    }

    private final JdbcClient jdbc;
    private final Confirmations confirmations;

    NeedsAnalysisTimeline(JdbcClient jdbc, Confirmations confirmations) {
        this.jdbc = jdbc;
        this.confirmations = confirmations;
    }

    @Override
    public List<TimelineEntry> entries(UUID customerId, TimelineCursor cursor, int limit) {
        List<Version> versions = jdbc.sql("select id, report_id, number, written_at, written_by from customer_needs_analysis"
                        + " where customer_id = :c order by written_at desc, id desc")
                .param("c", customerId)
                .query((rs, i) -> new Version(rs.getObject("id", UUID.class), rs.getObject("report_id", UUID.class),
                        rs.getInt("number"), rs.getTimestamp("written_at").toInstant(), rs.getObject("written_by", UUID.class)))
                .list();
        String link = NeedsAnalysisController.pagePath(customerId);
        List<TimelineEntry> entries = new ArrayList<>();
        for (Version a : versions) {
            entries.add(new TimelineEntry(a.writtenAt(), "needs:" + a.id(), "needsAnalysis", "customer.needs.timeline.written",
                    List.of(String.valueOf(a.number())), link, a.writtenBy()));
        }
        versions.stream().map(Version::reportId).distinct().forEach(report -> {
            for (ConfirmationView c : confirmations.of(NeedsAnalysisSubjects.TYPE, report.toString())) {
                String version = String.valueOf(c.subject().version());
                entries.add(new TimelineEntry(c.sentAt(), "needs-sent:" + c.id(), "needsAnalysis",
                        "customer.needs.timeline.sent", List.of(version, c.recipientName()), link, c.requestedBy()));
                if (c.answeredAt() != null) {
                    // who signed as typed; a name that is not the recipient's is said to differ, with whose link it was
                    entries.add(new TimelineEntry(c.answeredAt(), "needs-answer:" + c.id(), "needsAnalysis",
                            c.nameMatchesRecipient() ? "customer.needs.timeline.answered"
                                    : "customer.needs.timeline.answeredNotRecipient",
                            List.of(version, c.answeredName(), "#confirmation.state." + c.state(), c.recipientName()),
                            link, null));
                }
            }
        });
        return entries.stream().filter(cursor::admits)
                .sorted(com.lead2cash.customer.internal.CustomerTimeline.NEWEST_FIRST).limit(limit).toList();
    }
}
