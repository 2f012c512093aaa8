package io.triage.ticket.ticket;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.triage.ticket.QuarkusTestInfrastructure;
import org.junit.jupiter.api.Test;

/** The OpenAPI document describes reading and working tickets well enough to generate a client from it. */
@QuarkusTest
@QuarkusTestInfrastructure
class TicketApiDocumentTest {

    @Test
    void describesEveryEndpointWithItsSecuritySchemasAndErrors() {
        given().get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .body(
                        "paths.'/api/tickets'.get.responses.'200'.content.'application/json'.schema.$ref",
                        equalTo("#/components/schemas/TicketPage"))
                .body(
                        "paths.'/api/tickets'.get.parameters.name",
                        hasItems(
                                "status",
                                "category",
                                "priority",
                                "team",
                                "assignee",
                                "sla",
                                "createdFrom",
                                "createdTo",
                                "q",
                                "sort",
                                "cursor",
                                "limit"))
                .body("paths.'/api/tickets'.get.security[0]", hasKey("oidc"))
                .body("paths.'/api/tickets/{id}'.get.responses.'200'.headers", hasKey("ETag"))
                .body("paths.'/api/tickets/{id}'.patch.requestBody.content", hasKey("application/merge-patch+json"))
                .body(
                        "paths.'/api/tickets/{id}'.patch.responses.keySet()",
                        hasItems("200", "400", "401", "403", "404", "409", "412", "422", "428"))
                .body("paths.'/api/tickets/{id}'.patch.responses.'412'.content", hasKey("application/problem+json"))
                .body(
                        "paths.'/api/tickets/{id}'.patch.responses.'412'.content.'application/problem+json'.schema.'$ref'",
                        org.hamcrest.Matchers.equalTo("#/components/schemas/Problem"))
                .body("components.schemas.Problem.properties", hasKey("status"))
                .body("paths.'/api/tickets/{id}/replies'.post.responses.'201'", notNullValue())
                .body("paths.'/api/tickets/{id}/similar'.get", notNullValue())
                .body("paths.'/api/tickets/search'.get.parameters.name", hasItems("text", "limit"))
                .body("components.schemas", hasKey("Ticket"))
                .body("components.schemas", hasKey("TicketPatch"))
                .body("components.schemas", hasKey("NewReply"))
                .body("components.schemas", hasKey("SimilarTicket"))
                .body("components.schemas", hasKey("AuditEntry"))
                .body("components.schemas.NewReply.properties.body.examples", notNullValue());
    }
}
