package io.triage.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.triage.testing.ArtemisTestResource;
import io.triage.testing.OidcTestServer;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = ArtemisTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = OidcTestServer.class, scope = TestResourceScope.GLOBAL)
class ObservabilityEndpointsTest {

    @Test
    void healthIsUpIncludingTheTicketEventsSubscription() {
        TestBroker.awaitGatewaySubscribed();

        given().get("/q/health")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body(containsString("ticket-events"));
    }

    @Test
    void metricsExportTheGatewayMeters() {
        given().get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("gateway_connections"))
                .body(containsString("gateway_events_malformed_total"))
                .body(containsString("gateway_fanout_latency_seconds_bucket"))
                .body(containsString("gateway_event_age_seconds_bucket"));
    }

    @Test
    void openApiDocumentIsServed() {
        given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body("info.title", equalTo("notification-gateway"));
    }
}
