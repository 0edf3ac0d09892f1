package com.lead2cash.bench.driver;

import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.testing.IntegrationTest;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A run's raw captures go on after those of the runs before it on the same database. */
@IntegrationTest
class CaptureOperationsTest {

    @Autowired DataSource dataSource;
    @Autowired JdbcClient jdbc;

    @Test
    void aRawBandStartsAfterTheLastCodeAnEarlierRunWroteInIt() throws Exception {
        long band = CaptureOperations.RAW_PUBLIC_BAND;
        assertThat(CaptureOperations.firstFree(dataSource, band)).isEqualTo(band);

        // an earlier run's raw captures with indexes band + 0 … band + 41: codes band + 1 … band + 42; a code of the
        // next band and one of the product's own sequence do not count
        for (String code : new String[] {"L-2026-6000001", "L-2026-6000042", "L-2026-7000005", "L-2026-1000117"}) {
            jdbc.sql("""
                    insert into lead_lead (id, code, company_name, company_name_normalized, source, sourced_at,
                                           decision_maker_known, captured_via, grade, grade_points, grade_complete,
                                           status, version, created_at, updated_at, search_keys)
                    values (gen_random_uuid(), :code, :code, :code, 'WEBSITE', now(), false, 'API', 'C', 0, false,
                            'NEW', 0, now(), now(), '{}')""").param("code", code).update();
        }

        // the next index writes code band + 43
        assertThat(CaptureOperations.firstFree(dataSource, band)).isEqualTo(band + 42);
        assertThat(CaptureOperations.firstFree(dataSource, CaptureOperations.RAW_API_BAND))
                .isEqualTo(CaptureOperations.RAW_API_BAND);
    }
}
