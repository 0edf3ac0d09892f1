package com.lead2cash.customer.internal.jobs;

import com.lead2cash.customer.internal.domain.SearchKeys;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gives customers stored before the search keys existed (the first slice's converted leads) their keys,
 * in batches of their own transactions; a customer saved since has them already. Runs at start-up
 * and daily; a run with nothing to do costs one indexed query.
 */
@Component
public class SearchKeysBackfill {

    private static final int BATCH = 500;

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    SearchKeysBackfill(JdbcClient jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    public int run() {
        int total = 0;
        int done;
        do {
            done = tx.execute(status -> batch());
            total += done;
        } while (done == BATCH);
        return total;
    }

    private int batch() {
        record Row(UUID id, String name) {
        }
        List<Row> rows = jdbc.sql("select id, name from customer_customer where name_folded = '' limit " + BATCH
                        + " for update skip locked")
                .query((rs, i) -> new Row(rs.getObject("id", UUID.class), rs.getString("name"))).list();
        for (Row r : rows) {
            SearchKeys keys = SearchKeys.of(r.name());
            jdbc.sql("""
                    update customer_customer set name_folded = :folded, search_tokens = cast(:tokens as text[]),
                           search_pinyin = :pinyin, search_initials = :initials where id = :id""")
                    .param("folded", keys.folded().isEmpty() ? "-" : keys.folded())
                    .param("tokens", "{" + String.join(",", keys.tokens().stream().map(t -> "\"" + t + "\"").toList()) + "}")
                    .param("pinyin", keys.pinyin()).param("initials", keys.initials()).param("id", r.id()).update();
        }
        return rows.size();
    }
}
