package io.triage.worker.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.triage.worker.classifier.NoActiveCategoryException;
import io.vertx.pgclient.PgException;
import org.junit.jupiter.api.Test;

class FailuresTest {

    @Test
    void keepsMessagesTheWorkerWroteItself() {
        assertThat(Failures.describe(new NoActiveCategoryException()))
                .isEqualTo("NoActiveCategoryException: No active category to classify into");
    }

    @Test
    void dropsMessagesThatMayQuoteTicketText() {
        RuntimeException parse = new RuntimeException(
                "Failed to parse 'my card 4111 was declined'", new IllegalArgumentException("at 'my card 4111'"));

        assertThat(Failures.describe(parse))
                .isEqualTo("RuntimeException caused by IllegalArgumentException")
                .doesNotContain("4111");
    }

    @Test
    void describesDatabaseErrorsByStateAndMessageWithoutTheRowDetail() {
        PgException pg = new PgException("value too long", "ERROR", "22001", "Failing row contains (secret body)");

        assertThat(Failures.describe(pg))
                .isEqualTo("database error 22001: value too long")
                .doesNotContain("secret");
    }
}
