package com.lead2cash.lead.internal.io;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Operating settings of lead imports (not SOP rules).
 *
 * @param maxRows       rows of leads one file may hold
 * @param batchSize     rows one transaction imports (VALID_ROWS): a crash loses at most one batch's work
 * @param perUser       imports one person may have under way at once (uploading, queued or running)
 * @param total         imports under way at once across all nodes; more are refused with 429
 * @param uploadTimeout how long an upload may stay unfinished before its import is ended FAILED
 *                      (the node died while reading the file)
 * @param maxAttempts   runs of one import (each crash and revival is one) before it is ended FAILED
 * @param retryAfter    wait before a failed run is tried again (three failures in a row end it FAILED)
 */
@ConfigurationProperties("l2c.lead.import")
public record LeadImportSettings(
        @DefaultValue("50000") int maxRows,
        @DefaultValue("500") int batchSize,
        @DefaultValue("2") int perUser,
        @DefaultValue("4") int total,
        @DefaultValue("10m") Duration uploadTimeout,
        @DefaultValue("5") int maxAttempts,
        @DefaultValue("30s") Duration retryAfter) {
}
