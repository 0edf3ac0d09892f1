package com.lead2cash.opportunity.internal.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The list's open opportunities are those of {@link com.lead2cash.opportunity.Stage#OPEN}, said in SQL as the partial
 * close-date index states its predicate: PostgreSQL uses a partial index only when the query says the same.
 */
class OpenStageSqlTest {

    @Test
    void theOpenStageConditionIsThePredicateOfTheOpenCloseDateIndex() throws IOException {
        assertThat(PipelineQueries.OPEN_STAGE).isEqualTo("stage not in ('WON', 'LOST')");
        try (InputStream in = getClass().getResourceAsStream("/db/migration/V202612018002__opportunity_pipeline.sql")) {
            assertThat(in).isNotNull();
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                    .contains("create index opportunity_open_close_idx")
                    .contains("where " + PipelineQueries.OPEN_STAGE + ";");
        }
    }
}
