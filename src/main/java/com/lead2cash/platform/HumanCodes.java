package com.lead2cash.platform;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Human codes for records ("L-2026-000123"): a prefix, the year, and a number from the module's own
 * database sequence, so codes are unique across nodes without coordination.
 */
@Component
public class HumanCodes {

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
        if (!sequence.matches("[a-z_]+")) {
            throw new IllegalArgumentException("not a sequence name: " + sequence);
        }
        long n = jdbc.sql("select nextval('" + sequence + "')").query(Long.class).single();
        return "%s-%d-%06d".formatted(prefix, clock.instant().atZone(zone).getYear(), n);
    }
}
