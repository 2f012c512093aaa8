package io.triage.ticket.taxonomy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.triage.testing.Tokens;
import io.triage.ticket.QuarkusTestInfrastructure;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestInfrastructure
class CategoryResourceTest {

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    private static String category(String name, String team) {
        return """
                {"name":"%s","description":"Cards that never arrived","team":"%s"}
                """.formatted(name, team);
    }

    @Test
    void adminCreatesUpdatesAndDeactivatesACategory() {
        as(Tokens.admin("root"))
                .body(category("card-arrival", "cards"))
                .post("/api/admin/categories")
                .then()
                .statusCode(201)
                .header("Location", endsWith("/api/admin/categories/card-arrival"))
                .body("name", equalTo("card-arrival"))
                .body("team", equalTo("cards"))
                .body("active", equalTo(true));

        as(Tokens.admin("root"))
                .body("""
                        {"description":"Ordered cards that have not arrived yet","team":"card-ops","active":true}
                        """)
                .put("/api/admin/categories/card-arrival")
                .then()
                .statusCode(200)
                .body("description", equalTo("Ordered cards that have not arrived yet"))
                .body("team", equalTo("card-ops"));

        as(Tokens.admin("root"))
                .delete("/api/admin/categories/card-arrival")
                .then()
                .statusCode(200)
                .body("active", equalTo(false));

        as(Tokens.agent("alice"))
                .get("/api/admin/categories?active=true")
                .then()
                .statusCode(200)
                .body("name", not(hasItem("card-arrival")))
                .body("name", hasItem("billing"));
        as(Tokens.agent("alice"))
                .get("/api/admin/categories")
                .then()
                .statusCode(200)
                .body("find { it.name == 'card-arrival' }.team", equalTo("card-ops"))
                .body("find { it.name == 'card-arrival' }.active", equalTo(false));
    }

    @Test
    void aDuplicateNameIsAConflict() {
        as(Tokens.admin("root"))
                .body(category("dup-check", "cards"))
                .post("/api/admin/categories")
                .then()
                .statusCode(201);
        as(Tokens.admin("root"))
                .body(category("dup-check", "payments"))
                .post("/api/admin/categories")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", endsWith("/category-exists"));
    }

    @Test
    void concurrentCreatesOfOneNameGiveOneSuccessAndConflictsOnly() {
        List<CompletableFuture<Integer>> attempts = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            attempts.add(CompletableFuture.supplyAsync(() -> as(Tokens.admin("root"))
                    .body(category("raced", "cards"))
                    .post("/api/admin/categories")
                    .statusCode()));
        }
        List<Integer> statuses = attempts.stream().map(CompletableFuture::join).toList();
        Assertions.assertThat(statuses)
                .containsOnly(201, 409)
                .filteredOn(s -> s == 201)
                .hasSize(1);
    }

    @Test
    void reportsEveryInvalidField() {
        as(Tokens.admin("root"))
                .body("""
                        {"name":"Has Spaces","description":" ","team":""}
                        """)
                .post("/api/admin/categories")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("name", "description", "team"));
        as(Tokens.admin("root"))
                .body("""
                        {"name":"%s","description":"d","team":"t"}
                        """.formatted("x".repeat(101)))
                .post("/api/admin/categories")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("name"));
        as(Tokens.admin("root"))
                .body("""
                        {"description":"d","team":"t"}
                        """)
                .put("/api/admin/categories/general")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("active"));
        as(Tokens.admin("root"))
                .body("""
                        {"name":"x","description":"d","team":"t","colour":"red"}
                        """)
                .post("/api/admin/categories")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("colour"));
    }

    @Test
    void anUnknownCategoryIsNotFound() {
        as(Tokens.admin("root"))
                .body("""
                        {"description":"d","team":"t","active":true}
                        """)
                .put("/api/admin/categories/no-such-category")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        as(Tokens.admin("root"))
                .delete("/api/admin/categories/no-such-category")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void onlyAdminsChangeTheTaxonomyAndIntegrationsCannotReadIt() {
        as(Tokens.agent("alice"))
                .body(category("by-agent", "cards"))
                .post("/api/admin/categories")
                .then()
                .statusCode(403);
        as(Tokens.agent("alice"))
                .body("""
                        {"description":"d","team":"t","active":false}
                        """)
                .put("/api/admin/categories/general")
                .then()
                .statusCode(403);
        as(Tokens.agent("alice")).delete("/api/admin/categories/general").then().statusCode(403);
        as(Tokens.integration("crm")).get("/api/admin/categories").then().statusCode(403);
        given().get("/api/admin/categories").then().statusCode(401);
        as(Tokens.expired("root")).get("/api/admin/categories").then().statusCode(401);
        as(Tokens.admin("root"))
                .get("/api/admin/categories")
                .then()
                .statusCode(200)
                .body("find { it.name == 'general' }.active", equalTo(true));
    }
}
