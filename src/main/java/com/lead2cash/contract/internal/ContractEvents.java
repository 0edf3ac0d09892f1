package com.lead2cash.contract.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The contract's timeline (合同动态): one append-only line per thing that happened — drafted, submitted,
 * reviewed, approved, signed, archived, amended, terminated, a file added or read.
 */
@Component
public class ContractEvents {

    /** One line: when, what (a kind with a message key contract.event.KIND), who, and a detail. */
    public record Event(long id, UUID contractId, String kind, UUID actorId, String detail, Instant at) {
    }

    private final JdbcClient jdbc;

    ContractEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(UUID contractId, String kind, UUID actorId, String detail, Instant at) {
        jdbc.sql("insert into contract_event (contract_id, kind, actor_id, detail, occurred_at) values (:c, :k, :a, :d, :at)")
                .param("c", contractId).param("k", kind).param("a", actorId).param("d", detail)
                .param("at", Timestamp.from(at)).update();
    }

    /** The contract's lines, newest first. */
    public List<Event> of(UUID contractId) {
        return jdbc.sql("select id, contract_id, kind, actor_id, detail, occurred_at from contract_event "
                        + "where contract_id = :c order by id desc")
                .param("c", contractId)
                .query((rs, i) -> new Event(rs.getLong("id"), rs.getObject("contract_id", UUID.class), rs.getString("kind"),
                        rs.getObject("actor_id", UUID.class), rs.getString("detail"),
                        rs.getTimestamp("occurred_at").toInstant()))
                .list();
    }
}
