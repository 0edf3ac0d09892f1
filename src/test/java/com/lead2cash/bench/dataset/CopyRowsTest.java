package com.lead2cash.bench.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Values in COPY's text format, arrays as the aggregates hold them (String[], UUID[]) and as lists. */
class CopyRowsTest {

    private static String copied(Object value) {
        StringBuilder b = new StringBuilder();
        CopyRows.append(b, value);
        return b.toString();
    }

    @Test
    void anArrayIsAnArrayLiteralWhoseElementsKeepTheirQuotesAndBackslashes() {
        // the element literal {"a\"b","c\\d"} with COPY's own backslash escaping on top
        assertThat(copied(new String[] {"a\"b", "c\\d"})).isEqualTo("{\"a\\\\\"b\",\"c\\\\\\\\d\"}");
        assertThat(copied(new String[] {"n:深圳", "p:sz"})).isEqualTo("{\"n:深圳\",\"p:sz\"}");
    }

    @Test
    void uuidArraysAndListsOfInstantsAreArrayLiteralsToo() {
        UUID id = UUID.fromString("0190a8c4-0000-7000-8000-000000000001");
        assertThat(copied(new UUID[] {id})).isEqualTo("{\"" + id + "\"}");
        assertThat(copied(List.of(Instant.parse("2026-12-03T08:00:00Z")))).isEqualTo("{\"2026-12-03T08:00:00Z\"}");
        assertThat(copied(new String[0])).isEqualTo("{}");
    }

    @Test
    void nullIsCopysNull() {
        assertThat(copied(null)).isEqualTo("\\N");
    }
}
