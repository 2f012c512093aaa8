package io.triage.ticket;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.triage.testing.Tokens;
import io.triage.ticket.ticket.TestTickets;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * Calls every endpoint of the service, as listed by its own OpenAPI document, with every kind of caller, asserts
 * 401 for any token that is not valid, 403 for a valid one without an allowed role and success for the allowed
 * roles, and writes the outcome to {@code docs/role-matrix.md}. An endpoint the document lists and this table lacks
 * fails the test, so a new endpoint cannot ship without its row; the committed document must equal what this test
 * generates ({@code -Droles.regenerate=true} rewrites it).
 */
@QuarkusTest
@QuarkusTestInfrastructure
class RoleMatrixTest {

    static final Path DOCUMENT = Path.of("..", "docs", "role-matrix.md");
    static final String REGENERATE = "roles.regenerate";

    private static final String INTEGRATION_CLIENT = "crm-matrix";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    enum Caller {
        NO_TOKEN("no token", null),
        EXPIRED("expired token", Tokens.expired("mallory")),
        WRONG_AUDIENCE("wrong audience", Tokens.wrongAudience("mallory")),
        FOREIGN_KEY("foreign signing key", Tokens.foreignKey("mallory")),
        NO_ROLE("user without role", Tokens.user("visitor", Set.of(), List.of())),
        INTEGRATION("integration", Tokens.integration(INTEGRATION_CLIENT)),
        AGENT("agent", Tokens.agent("alice", "payments")),
        ADMIN("admin", Tokens.admin("root"));

        final String label;
        final String token;

        Caller(String label, String token) {
            this.label = label;
            this.token = token;
        }

        /** The realm role this caller holds, for the ones with a valid token. */
        String role() {
            return switch (this) {
                case INTEGRATION -> "integration";
                case AGENT -> "agent";
                case ADMIN -> "admin";
                default -> null;
            };
        }

        boolean authenticated() {
            return ordinal() >= NO_ROLE.ordinal();
        }
    }

    /**
     * @param roles the realm roles allowed; admin tokens also carry agent, as the realm's admin user does
     * @param call sets up what the call needs (as an admin, not recorded) and makes it with the given request
     */
    private record Endpoint(String key, Set<String> roles, BiFunction<RequestSpecification, Fixture, Response> call) {

        Endpoint(String key, List<String> roles, BiFunction<RequestSpecification, Fixture, Response> call) {
            this(key, Set.copyOf(roles), call);
        }
    }

    /** What the calls act on: a ticket the integration client submitted (triaged, with a draft) and an import. */
    private record Fixture(String ticket, String importId) {}

    private static List<Endpoint> endpoints() {
        List<String> anyone = List.of("agent", "admin", "integration");
        List<String> staff = List.of("agent", "admin");
        List<String> admin = List.of("admin");
        return List.of(
                new Endpoint(
                        "POST /api/tickets",
                        anyone,
                        (request, f) ->
                                request.contentType(ContentType.JSON).body("""
                                {"subject":"matrix","body":"b","requester":{"email":"a@example.com"},"channel":"API"}""").post("/api/tickets")),
                new Endpoint("GET /api/tickets", anyone, (request, f) -> request.get("/api/tickets")),
                new Endpoint(
                        "GET /api/tickets/{id}", anyone, (request, f) -> request.get("/api/tickets/" + f.ticket())),
                new Endpoint(
                        "PATCH /api/tickets/{id}",
                        staff,
                        (request, f) -> request.contentType("application/merge-patch+json")
                                .header("If-Match", etag(f.ticket()))
                                .body("{\"assignee\":\"matrix\"}")
                                .patch("/api/tickets/" + f.ticket())),
                new Endpoint(
                        "POST /api/tickets/{id}/replies",
                        staff,
                        (request, f) -> request.contentType(ContentType.JSON)
                                .body("{\"body\":\"hi\",\"startedFrom\":\"SCRATCH\"}")
                                .post("/api/tickets/" + f.ticket() + "/replies")),
                new Endpoint(
                        "GET /api/tickets/{id}/similar",
                        staff,
                        (request, f) -> request.get("/api/tickets/" + f.ticket() + "/similar")),
                new Endpoint(
                        "GET /api/tickets/search",
                        staff,
                        (request, f) -> request.queryParam("text", "card").get("/api/tickets/search")),
                new Endpoint("GET /api/insights", staff, (request, f) -> request.get("/api/insights")),
                new Endpoint("GET /api/admin/categories", staff, (request, f) -> request.get("/api/admin/categories")),
                new Endpoint(
                        "POST /api/admin/categories",
                        admin,
                        (request, f) -> request.contentType(ContentType.JSON)
                                .body(category(uniqueName(), true))
                                .post("/api/admin/categories")),
                new Endpoint(
                        "PUT /api/admin/categories/{name}",
                        admin,
                        (request, f) -> request.contentType(ContentType.JSON)
                                .body(category(null, true))
                                .put("/api/admin/categories/" + newCategory())),
                new Endpoint(
                        "DELETE /api/admin/categories/{name}",
                        admin,
                        (request, f) -> request.delete("/api/admin/categories/" + newCategory())),
                new Endpoint("GET /api/admin/priorities", staff, (request, f) -> request.get("/api/admin/priorities")),
                // The seeded LOW policy, written back unchanged: other tests rely on the defaults.
                new Endpoint(
                        "PUT /api/admin/priorities/{priority}",
                        admin,
                        (request, f) -> request.contentType(ContentType.JSON)
                                .body("{\"firstResponseMinutes\":1440,\"resolutionMinutes\":10080}")
                                .put("/api/admin/priorities/LOW")),
                new Endpoint(
                        "POST /api/admin/imports",
                        admin,
                        (request, f) -> request.contentType("text/csv")
                                .body("text,category\nmatrix row,general\n".getBytes(StandardCharsets.UTF_8))
                                .post("/api/admin/imports")),
                new Endpoint("GET /api/admin/imports", admin, (request, f) -> request.get("/api/admin/imports")),
                new Endpoint(
                        "GET /api/admin/imports/{id}",
                        admin,
                        (request, f) -> request.get("/api/admin/imports/" + f.importId())));
    }

    @Test
    void everyEndpointForEveryCallerMatchesTheCommittedMatrix() throws IOException {
        List<Endpoint> endpoints = endpoints();
        assertEveryDocumentedEndpointIsCovered(endpoints);
        Fixture fixture = fixture();

        Map<Endpoint, Map<Caller, Integer>> matrix = new LinkedHashMap<>();
        List<String> wrong = new ArrayList<>();
        for (Endpoint endpoint : endpoints) {
            Map<Caller, Integer> row = new LinkedHashMap<>();
            for (Caller caller : Caller.values()) {
                Response response = endpoint.call().apply(request(caller), fixture);
                int status = response.statusCode();
                row.put(caller, status);
                String problem = unexpected(endpoint, caller, response);
                if (problem != null) {
                    wrong.add(endpoint.key() + " as " + caller.label + ": " + problem);
                }
            }
            matrix.put(endpoint, row);
        }
        Assertions.assertThat(wrong).as("access decisions").isEmpty();

        String generated = render(matrix);
        if (Boolean.getBoolean(REGENERATE)) {
            Files.writeString(DOCUMENT, generated, StandardCharsets.UTF_8);
            return;
        }
        String committed = Files.exists(DOCUMENT) ? Files.readString(DOCUMENT, StandardCharsets.UTF_8) : "";
        Assertions.assertThat(committed)
                .as(
                        "docs/role-matrix.md is out of date (first difference: %s). Regenerate it with: ./mvnw -B -pl"
                                + " ticket-service -am verify -Dtest=RoleMatrixTest -Dsurefire.failIfNoSpecifiedTests=false"
                                + " -D%s=true",
                        firstDifference(committed, generated), REGENERATE)
                .isEqualTo(generated);
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
    void integrationClientsSeeOnlyTheTicketsTheySubmitted() {
        String foreign = TestTickets.create(Tokens.agent("alice"), "s", "b");
        given().auth()
                .oauth2(Caller.INTEGRATION.token)
                .get("/api/tickets/" + foreign)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        List<String> listed = given().auth()
                .oauth2(Caller.INTEGRATION.token)
                .queryParam("limit", 200)
                .get("/api/tickets")
                .then()
                .statusCode(200)
                .extract()
                .path("items.id");
        Assertions.assertThat(listed).doesNotContain(foreign);
    }

    private static void assertEveryDocumentedEndpointIsCovered(List<Endpoint> endpoints) {
        Map<String, Map<String, Object>> paths = given().get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .extract()
                .path("paths");
        Set<String> documented = new TreeSet<>();
        for (Map.Entry<String, Map<String, Object>> path : paths.entrySet()) {
            for (String method : path.getValue().keySet()) {
                if (Set.of("get", "put", "post", "delete", "patch", "head", "options")
                        .contains(method)) {
                    documented.add(method.toUpperCase() + " " + path.getKey());
                }
            }
        }
        Set<String> covered = new TreeSet<>();
        endpoints.forEach(endpoint -> covered.add(endpoint.key()));
        Assertions.assertThat(covered)
                .as("endpoints of the OpenAPI document missing from RoleMatrixTest.endpoints() (add a row), or rows"
                        + " for endpoints that no longer exist")
                .containsExactlyInAnyOrderElementsOf(documented);
    }

    /** @return why this status is wrong for this caller, or {@code null} */
    private static String unexpected(Endpoint endpoint, Caller caller, Response response) {
        int status = response.statusCode();
        if (!caller.authenticated()) {
            return status == 401 && problemJson(response) ? null : "expected a 401 problem, got " + status;
        }
        boolean allowed = caller.role() != null
                && (endpoint.roles().contains(caller.role())
                        || (caller == Caller.ADMIN && endpoint.roles().contains("agent")));
        if (!allowed) {
            return status == 403 && problemJson(response) ? null : "expected a 403 problem, got " + status;
        }
        return status >= 200 && status < 300 ? null : "expected success, got " + status + ": " + response.asString();
    }

    private static boolean problemJson(Response response) {
        return response.contentType() != null && response.contentType().startsWith("application/problem+json");
    }

    private static String render(Map<Endpoint, Map<Caller, Integer>> matrix) {
        StringBuilder doc = new StringBuilder();
        doc.append("# Role matrix: ticket-service\n\n")
                .append("Generated by `RoleMatrixTest` (ticket-service): every endpoint of the service's OpenAPI")
                .append(" document, called by\nevery kind of caller against the running service with real signed")
                .append(" tokens; each cell is the HTTP status\nanswered. Do not edit by hand: the test fails when")
                .append(" this file differs from what it generates. After a change,\nregenerate it with\n\n")
                .append("```bash\n./mvnw -B -pl ticket-service -am verify -Dtest=RoleMatrixTest")
                .append(" -Dsurefire.failIfNoSpecifiedTests=false -D")
                .append(REGENERATE)
                .append("=true\n```\n\n")
                .append("- 401 (problem+json, `WWW-Authenticate: Bearer`): no token, or one that is expired, for")
                .append(" another audience or signed\n  by a key the realm never published.\n")
                .append("- 403 (problem+json): a valid token without an allowed realm role.\n")
                .append("- The admin token carries the roles admin and agent, as the realm's admin user does. The")
                .append(" integration client\n  acts on a ticket it submitted itself: another client's ticket is")
                .append(" 404 to it, and it lists only its own.\n")
                .append("- The notification gateway's WebSocket upgrade has its own matrix:")
                .append(" [role-matrix-gateway.md](role-matrix-gateway.md).\n\n");
        doc.append("| endpoint | roles |");
        for (Caller caller : Caller.values()) {
            doc.append(' ').append(caller.label).append(" |");
        }
        doc.append("\n|---|---|");
        doc.append("---|".repeat(Caller.values().length)).append('\n');
        for (Map.Entry<Endpoint, Map<Caller, Integer>> row : matrix.entrySet()) {
            doc.append("| `")
                    .append(row.getKey().key())
                    .append("` | ")
                    .append(String.join(", ", new TreeSet<>(row.getKey().roles())))
                    .append(" |");
            for (Caller caller : Caller.values()) {
                doc.append(' ').append(row.getValue().get(caller)).append(" |");
            }
            doc.append('\n');
        }
        return doc.toString();
    }

    private static String firstDifference(String committed, String generated) {
        List<String> a = Arrays.asList(committed.split("\n", -1));
        List<String> b = Arrays.asList(generated.split("\n", -1));
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            String was = i < a.size() ? a.get(i) : "<end of file>";
            String is = i < b.size() ? b.get(i) : "<end of file>";
            if (!was.equals(is)) {
                return "line " + (i + 1) + ", committed '" + was + "', generated '" + is + "'";
            }
        }
        return "none";
    }

    private static RequestSpecification request(Caller caller) {
        // REST Assured would add "charset=ISO-8859-1" to text/csv, which the import refuses with 415.
        RequestSpecification request = RestAssured.given()
                .config(RestAssured.config()
                        .encoderConfig(EncoderConfig.encoderConfig()
                                .appendDefaultContentCharsetToContentTypeIfUndefined(false)));
        return caller.token == null ? request : request.auth().oauth2(caller.token);
    }

    private static Fixture fixture() {
        String ticket = TestTickets.create(Caller.INTEGRATION.token, "matrix ticket", "card declined");
        TestTickets.triage(ticket, "billing", "LOW", "A draft reply.");
        String importId = request(Caller.ADMIN)
                .contentType("text/csv")
                .body("text,category\nfixture row,general\n".getBytes(StandardCharsets.UTF_8))
                .post("/api/admin/imports")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        return new Fixture(ticket, importId);
    }

    private static String etag(String ticket) {
        return given().auth()
                .oauth2(Caller.ADMIN.token)
                .get("/api/tickets/" + ticket)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
    }

    private static String uniqueName() {
        return "matrix-" + SEQUENCE.incrementAndGet() + "-" + UUID.randomUUID();
    }

    private static String category(String name, boolean active) {
        return (name == null ? "{" : "{\"name\":\"" + name + "\",")
                + "\"description\":\"Role matrix\",\"team\":\"support\",\"active\":" + active + "}";
    }

    /** A category only for the call that follows, so each caller's PUT or DELETE acts on one that exists. */
    private static String newCategory() {
        String name = uniqueName();
        given().auth()
                .oauth2(Caller.ADMIN.token)
                .contentType(ContentType.JSON)
                .body(category(name, true))
                .post("/api/admin/categories")
                .then()
                .statusCode(201);
        return name;
    }
}
