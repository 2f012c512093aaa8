package io.triage.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.triage.model.Priority;
import io.triage.model.TicketCreated;
import io.triage.model.TicketEvent;
import io.triage.model.TicketTriaged;
import io.triage.testing.ArtemisTestResource;
import io.triage.testing.OidcTestServer;
import io.triage.testing.Tokens;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Scale-out: two gateway processes started from the packaged application against one broker each receive every
 * event published to {@code ticket-events}, because each replica has its own subscription of the multicast address.
 * A competing-consumer setup would split the events between them and fail this test.
 */
class TwoReplicasIT {

    private static final ArtemisTestResource ARTEMIS = new ArtemisTestResource();
    private static final OidcTestServer OIDC = new OidcTestServer();
    private static final List<ReplicaProcess> REPLICAS = new ArrayList<>();
    private static Vertx vertx;
    private static TestBroker broker;

    @BeforeAll
    static void startBrokerOidcAndTwoReplicas() throws Exception {
        Map<String, String> settings = new HashMap<>(ARTEMIS.start());
        settings.putAll(OIDC.start());
        REPLICAS.add(ReplicaProcess.start("replica-a", settings, List.of("-Xmx256m")));
        REPLICAS.add(ReplicaProcess.start("replica-b", settings, List.of("-Xmx256m")));
        vertx = Vertx.vertx();
        ObjectMapper mapper = new ObjectMapper().findAndRegisterModules();
        mapper.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        broker = new TestBroker(vertx, mapper);
    }

    @AfterAll
    static void stopEverything() {
        if (broker != null) {
            broker.close();
        }
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
        REPLICAS.forEach(ReplicaProcess::close);
        OIDC.stop();
        ARTEMIS.stop();
    }

    @Test
    void eachReplicaReceivesEveryEventAndPushesItToItsClients() {
        try (DashboardClient onA = DashboardClient.withHeader(REPLICAS.get(0).webSocket(), Tokens.agent("alice"));
                DashboardClient onB =
                        DashboardClient.withSubprotocol(REPLICAS.get(1).webSocket(), Tokens.admin("bob"))) {
            assertThat(onA.awaitHello().path("server").asText()).isEqualTo("replica-a");
            assertThat(onB.awaitHello().path("server").asText()).isEqualTo("replica-b");

            List<UUID> published = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                TicketEvent event = i % 2 == 0
                        ? TicketCreated.of(TestEvents.pendingTicket(), TestEvents.now())
                        : TicketTriaged.of(
                                TestEvents.ticket("payments", "billing", Priority.HIGH),
                                TestEvents.outcome(),
                                TestEvents.now());
                broker.publish(event);
                published.add(event.eventId());
            }

            for (DashboardClient client : List.of(onA, onB)) {
                client.awaitEvent(published.get(published.size() - 1));
                assertThat(client.received().stream()
                                .filter(message -> message.hasNonNull("eventId"))
                                .map(message ->
                                        UUID.fromString(message.path("eventId").asText())))
                        .containsExactlyElementsOf(published);
            }
        }
    }
}
