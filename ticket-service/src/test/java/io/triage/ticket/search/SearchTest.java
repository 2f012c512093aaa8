package io.triage.ticket.search;

import static io.restassured.RestAssured.given;
import static io.triage.ticket.ticket.TestTickets.create;
import static io.triage.ticket.ticket.TestTickets.sql;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;

import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import io.quarkus.test.junit.QuarkusTest;
import io.triage.testing.Tokens;
import io.triage.ticket.QuarkusTestInfrastructure;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestInfrastructure
class SearchTest {

    private static final String AGENT = Tokens.agent("alice");

    /** A unit vector along one axis, with a small share of another: cosine order is exactly known. */
    private static String axis(int main, int other, double otherShare) {
        double[] vector = new double[384];
        vector[main] = 1;
        vector[other] = otherShare;
        StringBuilder text = new StringBuilder("[");
        for (int i = 0; i < vector.length; i++) {
            text.append(i == 0 ? "" : ",").append(vector[i]);
        }
        return text.append(']').toString();
    }

    private static void embed(String id, String vector) {
        sql("UPDATE ticket SET embedding = ?::vector, embedding_model = 'test' WHERE id = ?::uuid", vector, id);
    }

    @Test
    void findsTheNearestTicketsByCosineSimilarity() {
        String probe = create(AGENT, "probe", "b");
        String near = create(AGENT, "near", "b");
        String nearer = create(AGENT, "nearer", "b");
        String far = create(AGENT, "far", "b");
        String unembedded = create(AGENT, "unembedded", "b");
        // Axes 300-303 are used by no other test, so these four are each other's nearest neighbours.
        embed(probe, axis(300, 301, 0));
        embed(nearer, axis(300, 301, 0.1));
        embed(near, axis(300, 301, 0.5));
        embed(far, axis(302, 303, 0));

        List<String> ids = given().auth()
                .oauth2(AGENT)
                .queryParam("limit", 2)
                .get("/api/tickets/" + probe + "/similar")
                .then()
                .statusCode(200)
                .extract()
                .path("id");
        assertThat(ids).containsExactly(nearer, near);
        float similarity = given().auth()
                .oauth2(AGENT)
                .get("/api/tickets/" + probe + "/similar")
                .then()
                .extract()
                .path("find { it.id == '" + nearer + "' }.similarity");
        assertThat(similarity).isCloseTo((float) (1 / Math.sqrt(1.01)), org.assertj.core.data.Offset.offset(1e-4f));

        given().auth()
                .oauth2(AGENT)
                .get("/api/tickets/" + unembedded + "/similar")
                .then()
                .statusCode(200)
                .body("$", empty());
        given().auth()
                .oauth2(AGENT)
                .get("/api/tickets/" + UUID.randomUUID() + "/similar")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(AGENT)
                .queryParam("limit", 51)
                .get("/api/tickets/" + probe + "/similar")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("limit"));
    }

    @Test
    void searchesByMeaningWithTheWorkersEmbeddingModel() {
        BgeSmallEnV15QuantizedEmbeddingModel model = new BgeSmallEnV15QuantizedEmbeddingModel();
        String card = create(AGENT, "Card declined at checkout", "My credit card was declined when I tried to pay.");
        String parcel = create(AGENT, "Parcel never arrived", "The courier says delivered but my package is missing.");
        String login = create(AGENT, "Cannot log in", "The password reset email never comes and I am locked out.");
        for (String[] ticket : List.of(
                new String[] {card, "Card declined at checkout\n\nMy credit card was declined when I tried to pay."},
                new String[] {parcel, "Parcel never arrived\n\nThe courier says delivered but my package is missing."},
                new String[] {login, "Cannot log in\n\nThe password reset email never comes and I am locked out."})) {
            embed(
                    ticket[0],
                    SimilarTickets.literal(model.embed(ticket[1]).content().vector()));
        }

        List<String> ids = given().auth()
                .oauth2(AGENT)
                .queryParam("text", "the shop refused my payment")
                .queryParam("limit", 50)
                .get("/api/tickets/search")
                .then()
                .statusCode(200)
                .extract()
                .path("id");
        assertThat(ids).contains(card, parcel, login);
        assertThat(ids.indexOf(card)).isLessThan(ids.indexOf(parcel));
        assertThat(ids.indexOf(card)).isLessThan(ids.indexOf(login));

        List<String> lost = given().auth()
                .oauth2(AGENT)
                .queryParam("text", "where is my delivery")
                .queryParam("limit", 50)
                .get("/api/tickets/search")
                .then()
                .statusCode(200)
                .extract()
                .path("id");
        assertThat(lost).contains(card, parcel, login);
        assertThat(lost.indexOf(parcel)).isLessThan(lost.indexOf(card));
        assertThat(lost.indexOf(parcel)).isLessThan(lost.indexOf(login));

        given().auth()
                .oauth2(AGENT)
                .get("/api/tickets/search")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("text"));
        given().auth()
                .oauth2(AGENT)
                .queryParam("text", "x".repeat(2001))
                .get("/api/tickets/search")
                .then()
                .statusCode(400);
    }
}
