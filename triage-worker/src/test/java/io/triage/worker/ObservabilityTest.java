package io.triage.worker;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.triage.worker.support.WorkerTestInfrastructure;
import org.junit.jupiter.api.Test;

/** The operational endpoints a deployment probes and scrapes. */
@QuarkusTest
@WorkerTestInfrastructure
class ObservabilityTest {

    @Test
    void readinessCoversTheDatabaseAndTheBrokerConnection() {
        given().when()
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body(containsString("Reactive PostgreSQL connections health check"))
                .body(containsString("triage-requests"));
    }

    @Test
    void exposesPrometheusMetrics() {
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void exposesTheOpenApiDocument() {
        given().accept("application/json")
                .when()
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body("openapi", org.hamcrest.Matchers.startsWith("3."));
    }
}
