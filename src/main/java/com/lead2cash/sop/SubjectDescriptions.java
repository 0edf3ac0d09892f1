package com.lead2cash.sop;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The usual {@link SubjectDescriber}: one query reads the subjects of a page (an {@code id} column, the subjects
 * bound as {@code :ids}; ids that are not UUIDs are skipped), each row reads into its label, and a row links to its
 * page only when the module's access rule opens it for the reader. A module names just those:
 * <pre>{@code
 * SubjectDescriptions.of(TYPE, () -> jdbc.sql("select id, code, name, owner_id from … where id in (:ids)"))
 *         .label(row -> row.getString("code") + " " + row.getString("name"))
 *         .link(row -> "/things/" + row.getObject("id", UUID.class))
 *         .openTo(access::visibleOwners, (visible, row) -> visible.test(row.getObject("owner_id", UUID.class)));
 * }</pre>
 * The query and the access rule are asked anew on each call: the rule reads the reader on this thread, once a page.
 * A module that injects its describer by class extends this one, passing what it built to the constructor.
 */
public class SubjectDescriptions implements SubjectDescriber {

    private final String type;
    private final Supplier<JdbcClient.StatementSpec> query;
    private final TextOfRow label;
    private final TextOfRow link;
    private final Supplier<RowTest> opens;

    protected SubjectDescriptions(SubjectDescriptions described) {
        this(described.type, described.query, described.label, described.link, described.opens);
    }

    private SubjectDescriptions(String type, Supplier<JdbcClient.StatementSpec> query, TextOfRow label,
                                TextOfRow link, Supplier<RowTest> opens) {
        this.type = Objects.requireNonNull(type);
        this.query = Objects.requireNonNull(query);
        this.label = Objects.requireNonNull(label);
        this.link = Objects.requireNonNull(link);
        this.opens = Objects.requireNonNull(opens);
    }

    /** Subjects of this type, read by this query (a fresh statement each call; bind any parameter but :ids). */
    public static Builder of(String type, Supplier<JdbcClient.StatementSpec> query) {
        return new Builder(type, query);
    }

    @Override
    public final String subjectType() {
        return type;
    }

    @Override
    public final Map<String, SubjectLabel> describe(Collection<String> subjectIds) {
        RowTest mayOpen = opens.get();
        List<UUID> ids = SubjectDescriber.uuids(subjectIds);
        Map<String, SubjectLabel> labels = new HashMap<>();
        if (!ids.isEmpty()) {
            query.get().param("ids", ids).query(rs -> {
                labels.put(rs.getObject("id", UUID.class).toString(),
                        new SubjectLabel(label.of(rs), mayOpen.test(rs) ? link.of(rs) : null));
            });
        }
        return labels;
    }

    /** What the module says of its subjects: label, page, then who may open it (which completes it). */
    public static final class Builder {

        private final String type;
        private final Supplier<JdbcClient.StatementSpec> query;
        private TextOfRow label;
        private TextOfRow link;

        private Builder(String type, Supplier<JdbcClient.StatementSpec> query) {
            this.type = type;
            this.query = query;
        }

        /** How a row reads on screen. */
        public Builder label(TextOfRow label) {
            this.label = label;
            return this;
        }

        /** The app-relative path of a row's page. */
        public Builder link(TextOfRow link) {
            this.link = link;
            return this;
        }

        /**
         * Which rows link to their page: the module's access rule, read once a call (the reader's roles and scope),
         * asked of each row.
         */
        public <A> SubjectDescriptions openTo(Supplier<A> rule, OpensRow<A> opens) {
            Objects.requireNonNull(rule);
            Objects.requireNonNull(opens);
            return new SubjectDescriptions(type, query, label, link, () -> {
                A read = rule.get();
                return row -> opens.test(read, row);
            });
        }
    }

    /** A text read from one row. */
    @FunctionalInterface
    public interface TextOfRow {
        String of(ResultSet row) throws SQLException;
    }

    /** Whether the access rule, as read for this reader, opens this row's page. */
    @FunctionalInterface
    public interface OpensRow<A> {
        boolean test(A rule, ResultSet row) throws SQLException;
    }

    @FunctionalInterface
    private interface RowTest {
        boolean test(ResultSet row) throws SQLException;
    }
}
