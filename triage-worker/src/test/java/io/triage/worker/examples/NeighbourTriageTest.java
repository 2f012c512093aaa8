package io.triage.worker.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.triage.worker.classifier.LocalClassifier;
import io.triage.worker.classifier.NeighbourClassifier;
import io.triage.worker.embedding.TicketEmbedder;
import io.triage.worker.support.Examples;
import io.triage.worker.support.Tickets;
import io.triage.worker.support.TriageRequestSender;
import io.triage.worker.support.WorkerTestInfrastructure;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The nearest-neighbour model on the real pipeline: examples inserted as ticket-service inserts them, embedded by the
 * worker's indexer, searched with pgvector; and an agent's correction deciding the very next similar ticket.
 */
@QuarkusTest
@WorkerTestInfrastructure
class NeighbourTriageTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Inject
    TriageRequestSender sender;

    @AfterEach
    void removeExamples() {
        Examples.deleteAll();
    }

    @Test
    void importedExamplesAreIndexedAndDecideTheCategoryByTheirNeighbours() {
        // Phrased the way customers write, unlike the category descriptions the lexical model compares against.
        UUID parcel1 = Examples.insertImport(
                "Where is my stuff?\n\nI ordered a lamp two weeks ago and it never came.", "shipping", "LOW");
        UUID parcel2 =
                Examples.insertImport("Still waiting\n\nThe courier has not brought my order yet.", "shipping", "LOW");
        Examples.insertImport(
                "Cannot get in\n\nThe app keeps saying my credentials are wrong.", "account-access", "HIGH");
        Examples.insertImport("Invoice question\n\nWhy was I charged twice this month?", "billing", "HIGH");

        await().atMost(TIMEOUT).until(() -> Examples.unembedded() == 0);
        assertThat(Examples.embeddedBy(TicketEmbedder.MODEL)).isEqualTo(4);

        UUID ticket = Tickets.insertPending(
                "Nothing arrived", "My order from last week has not come, the courier never showed up.");
        sender.sendAsText(sender.request(ticket));
        await().atMost(TIMEOUT).until(() -> "TRIAGED".equals(Tickets.status(ticket)));

        Map<String, Object> row = Tickets.ticket(ticket);
        assertThat(row)
                .containsEntry("category", "shipping")
                .containsEntry("team", "logistics")
                // No urgency cue in the text (the cues would say MEDIUM): the priority comes from the neighbours.
                .containsEntry("priority", "LOW")
                .containsEntry("embedding_model", TicketEmbedder.MODEL);
        assertThat(row.get("embedding")).isNotNull();
        Map<String, Object> triage = Tickets.triages(ticket).get(0);
        assertThat(triage)
                .containsEntry("model", NeighbourClassifier.MODEL)
                .containsEntry("source", LocalClassifier.SOURCE);
        assertThat((Double) triage.get("category_confidence")).isBetween(0.5, 1.0);
        List<JsonObject> neighbours = neighbours(triage);
        assertThat(neighbours).extracting(n -> n.getString("source")).containsOnly("import");
        assertThat(neighbours.subList(0, 2))
                .extracting(n -> n.getString("id"))
                .containsExactlyInAnyOrder(parcel1.toString(), parcel2.toString());
        assertThat(neighbours.get(0).getDouble("similarity"))
                .isGreaterThan(neighbours.get(2).getDouble("similarity"));
    }

    @Test
    void aCorrectionTakesEffectOnTheVeryNextTicket() {
        for (String text : List.of(
                "Card declined\n\nMy card was declined when I tried to pay at checkout.",
                "Payment refused\n\nThe payment with my card was refused at checkout today.",
                "Checkout rejects card\n\nMy credit card gets rejected when paying at checkout.")) {
            Examples.insertImport(text, "billing", "HIGH");
        }
        await().atMost(TIMEOUT).until(() -> Examples.unembedded() == 0);
        String subject = "Card declined at checkout";
        String body = "Every time I pay at checkout the page says my card was declined.";
        UUID first = Tickets.insertPending(subject, body);
        sender.sendAsText(sender.request(first));
        await().atMost(TIMEOUT).until(() -> "TRIAGED".equals(Tickets.status(first)));
        assertThat(Tickets.ticket(first)).containsEntry("category", "billing");

        // The agent decides it was the checkout page that was broken; ticket-service records the correction.
        UUID correction = Examples.insertCorrection(first, "technical-issue");

        UUID next = Tickets.insertPending(subject, body + " Please help.");
        sender.sendAsText(sender.request(next));
        await().atMost(TIMEOUT).until(() -> "TRIAGED".equals(Tickets.status(next)));

        assertThat(Tickets.ticket(next))
                .containsEntry("category", "technical-issue")
                .containsEntry("team", "platform");
        JsonObject nearest = neighbours(Tickets.triages(next).get(0)).get(0);
        assertThat(nearest.getString("id")).isEqualTo(correction.toString());
        assertThat(nearest.getString("source")).isEqualTo("correction");
        assertThat(nearest.getString("ticket_id")).isEqualTo(first.toString());
        assertThat(nearest.getString("category")).isEqualTo("technical-issue");
        assertThat(nearest.getDouble("similarity")).isGreaterThan(0.9);
    }

    private static List<JsonObject> neighbours(Map<String, Object> triage) {
        Object json = triage.get("neighbours");
        assertThat(json).as("triage.neighbours").isNotNull();
        JsonArray array = new JsonArray(json.toString());
        return array.stream().map(JsonObject.class::cast).toList();
    }
}
