package com.lead2cash.quote.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.testing.IntegrationTest;
import com.lead2cash.testing.RepairMigration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * V202612120300: quote numbers come without gaps from the counter row of the prefix and year. Every year's series
 * continues after the highest quote number it already has (a quote's revisions share theirs), a counter already
 * further stays where it is, numbers of another form are left out, and the sequence the numbers came from is gone.
 * Run twice, it changes nothing more.
 */
@IntegrationTest
class QuoteNumbersMigrationTest {


    @Autowired JdbcClient jdbc;

    @Test
    void flywayRanItAndTheQuoteSequenceIsGone() {
        assertThat(RepairMigration.of(jdbc, "202612120300").ranByFlyway()).isTrue();
        assertThat(jdbc.sql("select to_regclass('quote_number_seq') is null").query(Boolean.class).single()).isTrue();
    }

    @Test
    void eachYearsQuoteSeriesContinuesAfterItsHighestNumber() throws Exception {
        // years no other test numbers quotes in
        quote("Q-2019-000007", 1);
        quote("Q-2019-000007", 2);
        quote("Q-2019-000003", 1);
        quote("Q-2018-000012", 1);
        quote("Q-2017-000005", 1);
        quote("Q-2016-x00099", 1);
        quote("QT-2016-000099", 1);
        jdbc.sql("insert into platform_document_number (prefix, year, last) values ('Q', 2017, 20)").update();

        RepairMigration.of(jdbc, "202612120300").runTwice();

        assertThat(jdbc.sql("""
                select year || ':' || last from platform_document_number where prefix = 'Q' and year < 2020
                order by year""").query(String.class).list())
                .as("2016 has no quote number of the form").containsExactly("2017:20", "2018:12", "2019:7");
    }

    private void quote(String number, int revision) {
        jdbc.sql("""
                insert into quote_quote (id, number, revision, opportunity_id, customer_id, author_id, status, currency,
                    quoted_on, subtotal, tax, total, list_total, max_discount, required_authority, created_at,
                    updated_at, version)
                values (:id, :number, :revision, :opportunity, :customer, :author, 'SUPERSEDED', 'CNY', date '2019-06-01',
                    0, 0, 0, 0, 0, 'REP', timestamptz '2019-06-01 02:00:00Z', timestamptz '2019-06-01 02:00:00Z', 0)
                """).param("id", UUID.randomUUID()).param("number", number).param("revision", revision)
                .param("opportunity", UUID.randomUUID()).param("customer", UUID.randomUUID())
                .param("author", UUID.randomUUID()).update();
    }
}
