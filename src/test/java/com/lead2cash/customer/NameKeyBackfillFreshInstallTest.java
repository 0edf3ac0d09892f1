package com.lead2cash.customer;

import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A database installed with the current company-name rule has no keys of an earlier one: its backfills start finished
 * (docs/decisions/0038), so they never walk rows written since — a test's rows inserted by hand were rewritten under it
 * while the test read them (the customer search plan tests).
 */
@IntegrationTest
class NameKeyBackfillFreshInstallTest {

    @Autowired JdbcClient jdbc;

    @Test
    void aFreshInstallsNameKeyBackfillsOfTheCurrentRuleAreFinished() {
        for (String progress : new String[] {"lead_name_key_backfill", "customer_name_key_backfill"}) {
            assertThat(jdbc.sql("select count(*) from " + progress + " where rule_version = :v and finished_at is not null")
                    .param("v", CompanyNames.RULE_VERSION).query(Integer.class).single())
                    .as(progress + ": a new rule version needs its own start (a migration like V202612071700)").isEqualTo(1);
        }
    }
}
