package com.lead2cash.platform.internal.db;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Says plainly why the application did not start when its data directory is taken, and what to do. */
public class DataDirectoryInUseFailureAnalyzer extends AbstractFailureAnalyzer<DataDirectoryInUseException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DataDirectoryInUseException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Stop the other Lead2Cash first, or start this one with another l2c.embedded.data-dir "
                        + "(or an external database: spring.datasource.url).", cause);
    }
}
