package io.triage.gateway.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.triage.gateway.DashboardClient;
import io.triage.gateway.TestBroker;
import io.triage.gateway.TestEvents;
import io.triage.model.Priority;
import io.triage.model.TicketEvent;
import io.triage.model.TicketUpdated;
import io.triage.testing.ArtemisTestResource;
import io.triage.testing.OidcTestServer;
import io.triage.testing.Tokens;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = ArtemisTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = OidcTestServer.class, scope = TestResourceScope.GLOBAL)
class FanOutTest {

    /** Far more than fits in the loopback socket buffers after a few hundred events, so a stuck reader overflows. */
    private static final String LARGE_SUBJECT = "x".repeat(64 * 1024);

    private static final int MAX_EVENTS_TO_OVERFLOW = 2_000;

    @TestHTTPResource("/ws/tickets")
    URI endpoint;

    @Inject
    TestBroker broker;

    @Inject
    MeterRegistry meters;

    @BeforeEach
    void gatewayIsSubscribed() {
        TestBroker.awaitGatewaySubscribed();
    }

    @Test
    void everyOneOfManyClientsGetsEveryEventInOrder() {
        List<DashboardClient> clients = new ArrayList<>();
        try {
            for (int i = 0; i < 60; i++) {
                String token = i % 2 == 0 ? Tokens.agent("agent" + i) : Tokens.admin("admin" + i);
                clients.add(
                        i % 3 == 0
                                ? DashboardClient.withSubprotocol(ws(), token)
                                : DashboardClient.withHeader(ws(), token));
            }
            clients.forEach(DashboardClient::awaitHello);
            double sentBefore = sent("ticket.updated");
            long latenciesBefore = meters.get("gateway.fanout.latency").timer().count();

            List<UUID> published = new ArrayList<>();
            for (int i = 0; i < 25; i++) {
                TicketEvent event = updated(TestEvents.ticket("payments", "billing", Priority.HIGH));
                broker.publish(event);
                published.add(event.eventId());
            }

            for (DashboardClient client : clients) {
                client.awaitEvent(published.get(published.size() - 1));
                assertThat(eventIds(client)).containsExactlyElementsOf(published);
            }
            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() ->
                            assertThat(sent("ticket.updated") - sentBefore).isEqualTo(60 * 25));
        } finally {
            clients.forEach(DashboardClient::close);
        }
    }

    @Test
    void aClientThatStopsReadingDoesNotHoldUpOthersAndIsClosedToResync() throws Exception {
        try (DashboardClient stuck = DashboardClient.withHeader(ws(), Tokens.agent("stuck"));
                DashboardClient healthy = DashboardClient.withHeader(ws(), Tokens.agent("healthy"))) {
            stuck.awaitHello();
            healthy.awaitHello();
            stuck.pause();
            double overflowsBefore = dropped(PushSender.OVERFLOW);

            List<UUID> published = new ArrayList<>();
            while (dropped(PushSender.OVERFLOW) == overflowsBefore && published.size() < MAX_EVENTS_TO_OVERFLOW) {
                TicketEvent event = updated(TestEvents.ticket("payments", "billing", Priority.HIGH, LARGE_SUBJECT));
                broker.publish(event);
                published.add(event.eventId());
            }
            assertThat(dropped(PushSender.OVERFLOW))
                    .as("the stuck client's buffer overflowed")
                    .isGreaterThan(overflowsBefore);
            TicketEvent after = updated(TestEvents.ticket("payments", "billing", Priority.HIGH));
            broker.publish(after);
            published.add(after.eventId());

            // the healthy client got everything while the stuck one was still not reading
            healthy.awaitEvent(after.eventId());
            assertThat(eventIds(healthy)).containsExactlyElementsOf(published);
            assertThat(healthy.closedByServer()).isNotDone();

            stuck.resume();
            assertThat(stuck.closedByServer().get(30, TimeUnit.SECONDS)).isEqualTo(4000);
            assertThat(eventIds(stuck)).doesNotContain(after.eventId());
            await().atMost(Duration.ofSeconds(15))
                    .untilAsserted(() -> assertThat(
                                    meters.get("gateway.connections").gauge().value())
                            .isEqualTo(1));
        }
    }

    private double dropped(String reason) {
        return Search.in(meters).name("gateway.messages.dropped").tag("reason", reason).counters().stream()
                .mapToDouble(counter -> counter.count())
                .sum();
    }

    private double sent(String type) {
        return Search.in(meters).name("gateway.messages.sent").tag("type", type).counters().stream()
                .mapToDouble(counter -> counter.count())
                .sum();
    }

    private static TicketEvent updated(io.triage.model.TicketSnapshot ticket) {
        return TicketUpdated.of(ticket, List.of("priority"), "someone", TestEvents.now());
    }

    private static List<UUID> eventIds(DashboardClient client) {
        return client.received().stream()
                .filter(message -> message.hasNonNull("eventId"))
                .map(message -> UUID.fromString(message.path("eventId").asText()))
                .toList();
    }

    private URI ws() {
        return URI.create(endpoint.toString().replaceFirst("^http", "ws"));
    }
}
