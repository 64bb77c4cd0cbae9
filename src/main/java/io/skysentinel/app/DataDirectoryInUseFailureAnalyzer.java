package io.skysentinel.app;

import io.skysentinel.history.EmbeddedPostgresServer.DataDirectoryInUseException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * A second instance on the same embedded data directory: Boot's startup failure report says so in two lines and
 * names the setting that moves the directory, instead of a stack trace of bean creation (META-INF/spring.factories).
 */
public final class DataDirectoryInUseFailureAnalyzer extends AbstractFailureAnalyzer<DataDirectoryInUseException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DataDirectoryInUseException cause) {
        return new FailureAnalysis(
                cause.getMessage(),
                "Stop the other instance, or start this one with SKYSENTINEL_PG_DIR=<another directory> (a copy of"
                        + " the history is not made: the new directory starts empty), or point both at one server"
                        + " with SKYSENTINEL_DB_URL (docs/deploy.md).",
                cause);
    }
}
