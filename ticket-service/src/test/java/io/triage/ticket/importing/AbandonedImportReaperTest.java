package io.triage.ticket.importing;

import static io.restassured.RestAssured.given;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.triage.testing.Tokens;
import io.triage.ticket.QuarkusTestInfrastructure;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * The job row of an import whose server died mid-upload (simulated: a RUNNING row whose progress stopped an hour ago,
 * as a killed replica leaves it) is marked FAILED; a running import that is still making progress is left alone.
 */
@QuarkusTest
@QuarkusTestInfrastructure
class AbandonedImportReaperTest {

    @Inject
    AbandonedImportReaper reaper;

    @Inject
    Pool pool;

    @Test
    void marksOnlyImportsWhoseProgressStoppedAsFailed() {
        UUID abandoned = runningJob(3600);
        UUID live = runningJob(5);

        List<UUID> reaped = reaper.reap().await().indefinitely();

        Assertions.assertThat(reaped).contains(abandoned).doesNotContain(live);
        JsonPath report = report(abandoned);
        Assertions.assertThat(report.getString("status")).isEqualTo("FAILED");
        Assertions.assertThat(report.getString("error")).contains("interrupted").contains("nothing was imported");
        Assertions.assertThat(report.getInt("rowsImported")).isZero();
        Assertions.assertThat(report.getInt("rowsRead")).isEqualTo(400);
        Assertions.assertThat(report.getString("finishedAt")).isNotNull();
        Assertions.assertThat(report(live).getString("status")).isEqualTo("RUNNING");

        Assertions.assertThat(reaper.reap().await().indefinitely()).doesNotContain(abandoned, live);
    }

    private UUID runningJob(int secondsSinceProgress) {
        UUID id = UUID.randomUUID();
        pool.preparedQuery("INSERT INTO import_job (id, format, created_by, created_at, status, rows_read,"
                        + " rows_imported, rows_rejected, updated_at)"
                        + " VALUES ($1, 'csv', 'reaper-test', now() - make_interval(secs => $2), 'RUNNING', 400, 400, 0,"
                        + " now() - make_interval(secs => $2))")
                .execute(Tuple.of(id, secondsSinceProgress))
                .await()
                .indefinitely();
        return id;
    }

    private static JsonPath report(UUID id) {
        return given().auth()
                .oauth2(Tokens.admin("reaper-test"))
                .get("/api/admin/imports/{id}", id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }
}
