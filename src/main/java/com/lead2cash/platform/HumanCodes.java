package com.lead2cash.platform;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Human codes for records ("L-2026-000123"): a prefix, the year, and a number from the module's own
 * database sequence, so codes are unique across nodes without coordination. Documents an audit counts (quotes,
 * contracts, invoices, receipts, orders, complaints) take theirs without gaps instead: {@link #nextDocumentNumber}.
 */
@Component
public class HumanCodes {

    private final Object reservedKey = new Object();
    private final JdbcClient jdbc;
    private final Clock clock;
    private final ZoneId zone;

    HumanCodes(JdbcClient jdbc, Clock clock, @Value("${l2c.zone}") ZoneId zone) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.zone = zone;
    }

    /** The next code from {@code sequence} (which must match [a-z_]+), e.g. next("L", "lead_code_seq"). */
    public String next(String prefix, String sequence) {
        Deque<Long> reserved = PerTransaction.get(reservedKey, HashMap<String, Deque<Long>>::new).get(sequence);
        long n = reserved != null && !reserved.isEmpty() ? reserved.poll()
                : jdbc.sql("select nextval('" + checked(sequence) + "')").query(Long.class).single();
        return code(prefix, clock.instant().atZone(zone).getYear(), n);
    }

    // "L-2026-000123", without String.format's parsing on every code (an import makes thousands)
    private static String code(String prefix, int year, long n) {
        String number = Long.toString(n);
        return prefix + '-' + year + '-' + "000000".substring(Math.min(6, number.length())) + number;
    }

    /**
     * The next number of a document series ("HT-2026-000004") without gaps: the series' counter row of the year is
     * advanced in the creating transaction, so a refused or rolled-back create gives its number back (a sequence
     * never does). The row stays locked until that transaction ends: creates of one series wait for each other,
     * so take the number after the checks that may refuse.
     */
    public String nextDocumentNumber(String prefix) {
        if (!prefix.matches("[A-Z]+")) {
            throw new IllegalArgumentException("not a document prefix: " + prefix);
        }
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            // outside a transaction the number would be committed at once, whatever becomes of the document
            throw new IllegalStateException("a document number is taken in the transaction that creates the document");
        }
        int year = clock.instant().atZone(zone).getYear();
        long n = jdbc.sql("""
                        insert into platform_document_number (prefix, year, last) values (:prefix, :year, 1)
                        on conflict (prefix, year) do update set last = platform_document_number.last + 1
                        returning last""")
                .param("prefix", prefix).param("year", year).query(Long.class).single();
        return code(prefix, year, n);
    }

    /**
     * Takes {@code count} numbers of {@code sequence} in one round trip for the codes the current
     * transaction is about to hand out (an import batch); numbers it does not use are skipped, as a
     * rolled-back transaction's are.
     */
    public void reserve(String sequence, int count) {
        List<Long> numbers = jdbc.sql("select nextval('" + checked(sequence) + "') from generate_series(1, :n)")
                .param("n", count).query(Long.class).list();
        PerTransaction.get(reservedKey, HashMap<String, Deque<Long>>::new)
                .computeIfAbsent(sequence, s -> new ArrayDeque<>()).addAll(numbers);
    }

    private static String checked(String sequence) {
        if (!sequence.matches("[a-z_]+")) {
            throw new IllegalArgumentException("not a sequence name: " + sequence);
        }
        return sequence;
    }
}
