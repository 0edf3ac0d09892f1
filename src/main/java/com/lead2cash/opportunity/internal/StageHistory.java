package com.lead2cash.opportunity.internal;

import com.lead2cash.opportunity.Stage;
import com.lead2cash.opportunity.internal.domain.StageChange;
import com.lead2cash.platform.Ids;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The stage history of opportunities (阶段历史): every change appended, never edited, and read back as
 * the stages an opportunity went through with the time it spent in each.
 */
@Component
public class StageHistory {

    /** A stay in one stage: entered at, left at (null: still there), and how long it lasted until {@code now}. */
    public record StageStay(Stage stage, Stage from, Instant enteredAt, Instant leftAt, Duration duration, UUID changedBy,
                       BigDecimal amount, String note) {
    }

    private final JdbcClient jdbc;

    StageHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void append(UUID opportunityId, StageChange change) {
        jdbc.sql("""
                insert into opportunity_stage_change (id, opportunity_id, from_stage, to_stage, changed_at, changed_by, amount, note)
                values (:id, :o, :from, :to, :at, :by, :amount, :note)
                """).param("id", Ids.newId()).param("o", opportunityId)
                .param("from", change.from() == null ? null : change.from().name()).param("to", change.to().name())
                .param("at", Timestamp.from(change.at())).param("by", change.by()).param("amount", change.amount())
                .param("note", change.note()).update();
    }

    /** The stays of one opportunity, oldest first. */
    public List<StageStay> of(UUID opportunityId, Instant now) {
        record Row(Stage from, Stage to, Instant at, UUID by, BigDecimal amount, String note) {
        }
        List<Row> rows = jdbc.sql("select * from opportunity_stage_change where opportunity_id = :o order by changed_at, id")
                .param("o", opportunityId)
                .query((rs, i) -> new Row(rs.getString("from_stage") == null ? null : Stage.valueOf(rs.getString("from_stage")),
                        Stage.valueOf(rs.getString("to_stage")), rs.getTimestamp("changed_at").toInstant(),
                        rs.getObject("changed_by", UUID.class), rs.getBigDecimal("amount"), rs.getString("note")))
                .list();
        List<StageStay> stays = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            Instant left = i + 1 < rows.size() ? rows.get(i + 1).at() : null;
            Instant end = left != null ? left : (r.to().isClosed() ? r.at() : now);
            stays.add(new StageStay(r.to(), r.from(), r.at(), left, Duration.between(r.at(), end), r.by(), r.amount(), r.note()));
        }
        return stays;
    }
}
