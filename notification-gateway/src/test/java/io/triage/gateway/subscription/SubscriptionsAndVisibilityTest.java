package io.triage.gateway.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.triage.gateway.DashboardClient;
import io.triage.gateway.TestBroker;
import io.triage.gateway.TestEvents;
import io.triage.model.Priority;
import io.triage.model.TicketCreated;
import io.triage.model.TicketEvent;
import io.triage.model.TicketSnapshot;
import io.triage.model.TicketUpdated;
import io.triage.testing.ArtemisTestResource;
import io.triage.testing.OidcTestServer;
import io.triage.testing.Tokens;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What each connection receives. Events reach one connection in publication order, so once the last event published
 * has arrived, an earlier event that did not arrive was filtered out, not delayed.
 */
@QuarkusTest
@WithTestResource(value = ArtemisTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = OidcTestServer.class, scope = TestResourceScope.GLOBAL)
class SubscriptionsAndVisibilityTest {

    @TestHTTPResource("/ws/tickets")
    URI endpoint;

    @Inject
    TestBroker broker;

    @BeforeEach
    void gatewayIsSubscribed() {
        TestBroker.awaitGatewaySubscribed();
    }

    @Test
    void agentsSeeTheirTeamsAndUntriagedTicketsWhileAdminsSeeEverything() {
        try (DashboardClient payments = DashboardClient.withHeader(ws(), Tokens.agent("alice", "payments"));
                DashboardClient twoTeams =
                        DashboardClient.withHeader(ws(), Tokens.agent("bob", "hardware", "payments"));
                DashboardClient noTeams = DashboardClient.withHeader(ws(), Tokens.agent("carol"));
                DashboardClient admin = DashboardClient.withHeader(ws(), Tokens.admin("root"))) {
            assertThat(payments.awaitHello().path("teams"))
                    .extracting(JsonNode::asText)
                    .containsExactly("payments");
            assertThat(twoTeams.awaitHello().path("teams"))
                    .extracting(JsonNode::asText)
                    .containsExactly("hardware", "payments");
            assertThat(noTeams.awaitHello().has("teams")).isFalse();
            assertThat(admin.awaitHello().has("teams")).isFalse();

            TicketEvent paymentsTicket = updated(TestEvents.ticket("payments", "billing", Priority.HIGH));
            TicketEvent hardwareTicket = updated(TestEvents.ticket("hardware", "device", Priority.LOW));
            TicketEvent untriaged = TicketCreated.of(TestEvents.pendingTicket(), TestEvents.now());
            TicketEvent last = updated(TestEvents.ticket("payments", "billing", Priority.LOW));
            publish(paymentsTicket, hardwareTicket, untriaged, last);

            assertThat(eventsUntil(payments, last))
                    .containsExactly(paymentsTicket.eventId(), untriaged.eventId(), last.eventId());
            for (DashboardClient seesAll : List.of(twoTeams, noTeams, admin)) {
                assertThat(eventsUntil(seesAll, last))
                        .containsExactly(
                                paymentsTicket.eventId(),
                                hardwareTicket.eventId(),
                                untriaged.eventId(),
                                last.eventId());
            }
        }
    }

    @Test
    void aSubscriptionNarrowsWhatArrivesAndCanBeChangedWithoutReconnecting() {
        try (DashboardClient client = DashboardClient.withHeader(ws(), Tokens.admin("dave"))) {
            client.awaitHello();
            int before = client.received().size();
            client.send("""
                    {"type":"subscribe","teams":["payments","accounts"],"priorities":["URGENT","HIGH"]}
                    """);
            JsonNode subscribed = client.awaitType("subscribed", before);
            assertThat(subscribed.path("teams")).extracting(JsonNode::asText).containsExactly("accounts", "payments");
            assertThat(subscribed.path("priorities"))
                    .extracting(JsonNode::asText)
                    .containsExactly("URGENT", "HIGH");
            assertThat(subscribed.path("categories")).isEmpty();

            TicketEvent wanted = updated(TestEvents.ticket("payments", "billing", Priority.HIGH));
            TicketEvent lowPriority = updated(TestEvents.ticket("payments", "billing", Priority.LOW));
            TicketEvent otherTeam = updated(TestEvents.ticket("hardware", "device", Priority.URGENT));
            TicketEvent untriaged = TicketCreated.of(TestEvents.pendingTicket(), TestEvents.now());
            TicketEvent last = updated(TestEvents.ticket("accounts", "login", Priority.URGENT));
            publish(wanted, lowPriority, otherTeam, untriaged, last);
            assertThat(eventsUntil(client, last)).containsExactly(wanted.eventId(), last.eventId());

            TicketSnapshot followed = TestEvents.ticket("hardware", "device", Priority.LOW);
            int beforeSecond = client.received().size();
            client.send("{\"type\":\"subscribe\",\"ticketId\":\"" + followed.id() + "\"}");
            JsonNode narrowed = client.awaitType("subscribed", beforeSecond);
            assertThat(narrowed.path("ticketId").asText())
                    .isEqualTo(followed.id().toString());
            assertThat(narrowed.path("teams")).isEmpty();

            TicketEvent otherTicket = updated(TestEvents.ticket("payments", "billing", Priority.HIGH));
            TicketEvent followedEvent = updated(followed);
            publish(otherTicket, followedEvent);
            assertThat(eventsUntil(client, followedEvent).stream().skip(2)).containsExactly(followedEvent.eventId());
        }
    }

    @Test
    void anAgentsSubscriptionCannotWidenWhatTheAgentMaySee() {
        try (DashboardClient client = DashboardClient.withHeader(ws(), Tokens.agent("erin", "payments"))) {
            client.awaitHello();
            client.send("{\"type\":\"subscribe\",\"teams\":[\"hardware\",\"payments\"]}");
            client.awaitType("subscribed", 1);

            TicketEvent foreign = updated(TestEvents.ticket("hardware", "device", Priority.URGENT));
            TicketEvent own = updated(TestEvents.ticket("payments", "billing", Priority.LOW));
            publish(foreign, own);

            assertThat(eventsUntil(client, own)).containsExactly(own.eventId());
        }
    }

    @Test
    void malformedClientMessagesGetAnErrorAndTheConnectionAndSubscriptionSurvive() {
        try (DashboardClient client = DashboardClient.withHeader(ws(), Tokens.admin("frank"))) {
            client.awaitHello();
            client.send("{\"type\":\"subscribe\",\"categories\":[\"billing\"]}");
            client.awaitType("subscribed", 1);
            String hostile = "<script>alert(1)</script>";

            List<List<String>> cases = List.of(
                    List.of("not JSON " + hostile, ClientMessageParser.MALFORMED),
                    List.of("[1, 2, 3]", ClientMessageParser.MALFORMED),
                    List.of("{\"type\":42}", ClientMessageParser.MALFORMED),
                    List.of("{\"teams\":[\"payments\"]}", ClientMessageParser.MALFORMED),
                    List.of("{\"type\":\"" + hostile + "\"}", ClientMessageParser.UNKNOWN_TYPE),
                    List.of("{\"type\":\"subscribe\",\"teams\":\"payments\"}", ClientMessageParser.INVALID_FIELD),
                    List.of("{\"type\":\"subscribe\",\"teams\":[\"\"]}", ClientMessageParser.INVALID_FIELD),
                    List.of("{\"type\":\"subscribe\",\"teams\":[7]}", ClientMessageParser.INVALID_FIELD),
                    List.of(
                            "{\"type\":\"subscribe\",\"priorities\":[\"" + hostile + "\"]}",
                            ClientMessageParser.INVALID_FIELD),
                    List.of(
                            "{\"type\":\"subscribe\",\"ticketId\":\"" + hostile + "\"}",
                            ClientMessageParser.INVALID_FIELD),
                    List.of("{\"type\":\"subscribe\",\"ticketId\":12}", ClientMessageParser.INVALID_FIELD));
            for (List<String> bad : cases) {
                int before = client.received().size();
                client.send(bad.get(0));
                JsonNode error = client.awaitType("error", before);
                assertThat(error.path("error").asText()).as(bad.get(0)).isEqualTo(bad.get(1));
                assertThat(error.path("detail").asText()).isNotBlank().doesNotContain("script");
            }

            int beforePing = client.received().size();
            client.send("{\"type\":\"ping\"}");
            assertThat(client.awaitType("pong", beforePing).path("serverTime").asText())
                    .isNotBlank();

            TicketEvent otherCategory = updated(TestEvents.ticket("payments", "shipping", Priority.HIGH));
            TicketEvent billing = updated(TestEvents.ticket("payments", "billing", Priority.HIGH));
            publish(otherCategory, billing);
            assertThat(eventsUntil(client, billing))
                    .as("the invalid subscribe requests left the earlier subscription in force")
                    .containsExactly(billing.eventId());
        }
    }

    @Test
    void aClientMessageOverTheSizeLimitClosesThatConnectionOnly() throws Exception {
        try (DashboardClient oversized = DashboardClient.withHeader(ws(), Tokens.admin("ivan"));
                DashboardClient bystander = DashboardClient.withHeader(ws(), Tokens.admin("judy"))) {
            oversized.awaitHello();
            bystander.awaitHello();

            oversized.send("{\"type\":\"subscribe\",\"teams\":[\"" + "x".repeat(20_000) + "\"]}");

            assertThat(oversized.closedByServer().get(15, java.util.concurrent.TimeUnit.SECONDS))
                    .isEqualTo(1009);
            TicketEvent event = updated(TestEvents.ticket("payments", "billing", Priority.HIGH));
            publish(event);
            bystander.awaitEvent(event.eventId());
        }
    }

    @Test
    void helloTellsTheClientHowToRefetchWhatItMissed() {
        try (DashboardClient client = DashboardClient.withSubprotocol(ws(), Tokens.agent("grace"))) {
            assertThat(client.awaitHello().path("resync").asText())
                    .isEqualTo("/api/tickets?sort=newest{&updatedSince}");
        }
    }

    @Test
    void originsAreCheckedAgainstConfigurationAndClientsWithoutOneAreAllowed() {
        String token = Tokens.agent("heidi");
        int foreign = DashboardClient.refusedStatus(
                ws(),
                builder -> builder.header("Authorization", "Bearer " + token).header("Origin", "https://evil.example"));
        assertThat(foreign).isEqualTo(403);

        try (DashboardClient allowed = DashboardClient.connect(
                ws(),
                builder -> builder.header("Authorization", "Bearer " + token)
                        .header("Origin", "https://dashboard.example.test"))) {
            assertThat(allowed.awaitHello().path("user").asText()).isEqualTo("heidi");
        }
    }

    private static TicketEvent updated(TicketSnapshot ticket) {
        return TicketUpdated.of(ticket, List.of("priority"), "someone", TestEvents.now());
    }

    private void publish(TicketEvent... events) {
        for (TicketEvent event : events) {
            broker.publish(event);
        }
    }

    /** The ticket event ids this client received, in order, once {@code last} has arrived. */
    private static List<UUID> eventsUntil(DashboardClient client, TicketEvent last) {
        client.awaitEvent(last.eventId());
        return client.received().stream()
                .filter(message -> message.hasNonNull("eventId"))
                .map(message -> UUID.fromString(message.path("eventId").asText()))
                .toList();
    }

    private URI ws() {
        return URI.create(endpoint.toString().replaceFirst("^http", "ws"));
    }
}
