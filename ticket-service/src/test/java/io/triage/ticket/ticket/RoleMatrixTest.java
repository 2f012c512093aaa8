package io.triage.ticket.ticket;

import static io.restassured.RestAssured.given;
import static io.triage.ticket.ticket.TestTickets.create;
import static io.triage.ticket.ticket.TestTickets.triage;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.triage.testing.Tokens;
import io.triage.ticket.QuarkusTestInfrastructure;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/**
 * Every endpoint of reading and working tickets, for every kind of caller: no token 401, no role 403, integration
 * clients only their own tickets and no working them, agents and admins everything.
 */
@QuarkusTest
@QuarkusTestInfrastructure
class RoleMatrixTest {

    private static final String NO_ROLE = Tokens.user("visitor", Set.of(), List.of());
    private static final String OWNER = Tokens.integration("crm-owner");

    private record Endpoint(
            String name, BiFunction<RequestSpecification, String, io.restassured.response.Response> call) {}

    private static List<Endpoint> endpoints() {
        return List.of(
                new Endpoint("list", (request, id) -> request.get("/api/tickets")),
                new Endpoint("get", (request, id) -> request.get("/api/tickets/" + id)),
                new Endpoint(
                        "patch",
                        (request, id) -> request.contentType("application/merge-patch+json")
                                .header("If-Match", "\"1\"")
                                .body("{\"assignee\":\"x\"}")
                                .patch("/api/tickets/" + id)),
                new Endpoint(
                        "reply",
                        (request, id) -> request.contentType(ContentType.JSON)
                                .body("{\"body\":\"hi\",\"startedFrom\":\"SCRATCH\"}")
                                .post("/api/tickets/" + id + "/replies")),
                new Endpoint("similar", (request, id) -> request.get("/api/tickets/" + id + "/similar")),
                new Endpoint(
                        "search",
                        (request, id) -> request.queryParam("text", "card").get("/api/tickets/search")));
    }

    private static int status(Endpoint endpoint, String token, String id) {
        RequestSpecification request = token == null ? given() : given().auth().oauth2(token);
        return endpoint.call().apply(request, id).statusCode();
    }

    @Test
    void withoutAValidTokenEveryEndpointIs401() {
        String id = create(OWNER, "s", "b");
        for (Endpoint endpoint : endpoints()) {
            for (String token : java.util.Arrays.asList(
                    null, Tokens.expired("alice"), Tokens.wrongAudience("alice"), Tokens.foreignKey("alice"))) {
                org.assertj.core.api.Assertions.assertThat(status(endpoint, token, id))
                        .as(endpoint.name())
                        .isEqualTo(401);
            }
        }
    }

    @Test
    void aMissingTokenIsAProblemWithABearerChallenge() {
        given().get("/api/tickets")
                .then()
                .statusCode(401)
                .header("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Bearer"))
                .contentType("application/problem+json")
                .body("status", equalTo(401));
    }

    @Test
    void withoutARoleEveryEndpointIs403ProblemJson() {
        String id = create(OWNER, "s", "b");
        for (Endpoint endpoint : endpoints()) {
            RequestSpecification request = given().auth().oauth2(NO_ROLE);
            endpoint.call()
                    .apply(request, id)
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json")
                    .body("status", equalTo(403));
        }
    }

    @Test
    void integrationClientsReadTheirOwnTicketsAndNothingElse() {
        String own = create(OWNER, "s", "b");
        String foreign = create(Tokens.agent("alice"), "s", "b");
        triage(own, "billing", "LOW", null);
        List<String> readOwn = List.of("list", "get");
        for (Endpoint endpoint : endpoints()) {
            int expected = readOwn.contains(endpoint.name()) ? 200 : 403;
            org.assertj.core.api.Assertions.assertThat(status(endpoint, OWNER, own))
                    .as(endpoint.name() + " own ticket")
                    .isEqualTo(expected);
        }
        org.assertj.core.api.Assertions.assertThat(status(endpoints().get(1), OWNER, foreign))
                .as("get foreign ticket")
                .isEqualTo(404);
    }

    @Test
    void agentsAndAdminsWorkAnyTicket() {
        for (String token : List.of(Tokens.agent("alice"), Tokens.admin("root"))) {
            String id = create(OWNER, "s", "b");
            for (Endpoint endpoint : endpoints()) {
                int code = endpoint.name().equals("patch")
                        // The If-Match above is deliberately stale: reaching the precondition check proves access.
                        ? 412
                        : endpoint.name().equals("reply") ? 201 : 200;
                org.assertj.core.api.Assertions.assertThat(status(endpoint, token, id))
                        .as(endpoint.name())
                        .isEqualTo(code);
            }
        }
    }
}
