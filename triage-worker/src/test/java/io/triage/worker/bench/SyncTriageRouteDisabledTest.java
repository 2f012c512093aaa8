package io.triage.worker.bench;

import static io.restassured.RestAssured.given;

import io.quarkus.test.junit.QuarkusTest;
import io.triage.worker.support.WorkerTestInfrastructure;
import org.junit.jupiter.api.Test;

/** By default (and so in production) the benchmark's synchronous route does not exist. */
@QuarkusTest
@WorkerTestInfrastructure
class SyncTriageRouteDisabledTest {

    @Test
    void routeDoesNotExistByDefault() {
        given().contentType("application/json")
                .body("{\"subject\":\"s\",\"body\":\"b\"}")
                .when()
                .post("/bench/triage-sync")
                .then()
                .statusCode(404);
    }
}
