package com.lead2cash.customer;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 未结业务 — what another module still has open with a customer (an open opportunity, a contract not yet
 * closed, an order not yet accepted, an unpaid payment plan). While anything is open the customer stays
 * with its owner: it is neither marked lost nor returned to the public pool, by hand or by C7's sweep, so
 * that ownership never splits between the customer and its business. The modules that keep such records
 * answer it, each from its own tables; the customer module asks every implementation.
 */
public interface OpenBusiness {

    /**
     * What is open of each of these customers that has anything open, keyed by customer id (customers with
     * nothing open are absent). A fixed number of queries for the whole batch, never one per id.
     */
    Map<UUID, List<Fact>> of(Collection<UUID> customerIds);

    /**
     * The usual answer: one query whose rows (a {@code customer_id} column, the customers bound as {@code :ids})
     * each give one fact of their customer, in the query's order.
     */
    static Map<UUID, List<Fact>> byCustomer(JdbcClient jdbc, String sql, Collection<UUID> customerIds, FactOfRow fact) {
        Map<UUID, List<Fact>> open = new LinkedHashMap<>();
        if (customerIds.isEmpty()) {
            return open;
        }
        jdbc.sql(sql).param("ids", customerIds).query(rs -> {
            open.computeIfAbsent(rs.getObject("customer_id", UUID.class), c -> new ArrayList<>()).add(fact.of(rs));
        });
        return open;
    }

    /** One row's fact. */
    @FunctionalInterface
    interface FactOfRow {
        Fact of(ResultSet row) throws SQLException;
    }

    /**
     * One open thing as a sentence of the answering module's message bundle ({@code code} and its arguments,
     * which may themselves be resolvable, such as a status's label), ready to be listed in a refusal.
     */
    record Fact(String code, List<Object> args) implements MessageSourceResolvable {

        public Fact {
            args = List.copyOf(args);
        }

        public static Fact of(String code, Object... args) {
            return new Fact(code, List.of(args));
        }

        @Override
        public String[] getCodes() {
            return new String[] {code};
        }

        @Override
        public Object[] getArguments() {
            return args.toArray();
        }

        @Override
        public String getDefaultMessage() {
            return code;
        }
    }
}
