package io.triage.ticket.importing;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "imports")
public interface ImportSettings {

    /** Largest upload accepted (413 beyond); must not exceed quarkus.http.limits.max-body-size, which cuts first. */
    @WithDefault("10M")
    MemorySize maxUploadSize();

    /** Longest row in bytes; a longer one is reported as an error and skipped, so one bad row cannot eat the heap. */
    @WithDefault("64K")
    MemorySize maxRowSize();

    /** Longest example text in characters (subject and text together). */
    @WithDefault("8000")
    int maxTextLength();

    /** Rows inserted per statement. */
    @WithDefault("1000")
    int batchSize();

    /** Row errors kept in the report; the rejected count is always complete. */
    @WithDefault("1000")
    int maxReportedErrors();

    /**
     * A RUNNING import whose progress has not moved for this long is marked FAILED: its server died mid-upload, and
     * the rollback left no rows behind. Progress moves every batch, so this is far longer than one batch takes.
     */
    @WithDefault("10M")
    Duration staleAfter();
}
