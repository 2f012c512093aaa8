package io.triage.gateway.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;
import io.triage.gateway.GatewayConfig;
import io.triage.gateway.subscription.Visibility;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The isolation guarantee: one client's failing or stalled send disconnects that client and nobody else. */
class PushSenderTest {

    private final MeterRegistry meters = new SimpleMeterRegistry();
    private final PushSender sender = new PushSender(meters, config(Duration.ofMillis(200)));

    @Test
    void aDeliveredMessageIsCountedByType() {
        FakeConnection healthy = new FakeConnection(Uni.createFrom().voidItem());

        sender.send(healthy.client(), "ticket.created", "{}");

        assertThat(meters.get("gateway.messages.sent")
                        .tag("type", "ticket.created")
                        .counter()
                        .count())
                .isEqualTo(1);
        assertThat(healthy.closedWith.get()).isNull();
    }

    @Test
    void aFailedSendDisconnectsThatClientSoItResynchronizes() {
        FakeConnection broken = new FakeConnection(Uni.createFrom().failure(new IllegalStateException("reset")));

        sender.send(broken.client(), "ticket.updated", "{}");

        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(broken.closedWith.get()).isSameAs(Protocol.RESYNC));
        assertThat(meters.get("gateway.messages.dropped")
                        .tag("type", "ticket.updated")
                        .counter()
                        .count())
                .isEqualTo(1);
    }

    @Test
    void aSendThatStallsPastTheTimeoutDisconnectsThatClient() {
        FakeConnection stalled = new FakeConnection(Uni.createFrom().nothing());
        ConnectedClient client = stalled.client();

        sender.send(client, "ticket.triaged", "{}");
        new PushSender(meters, config(Duration.ofHours(1))).closeIfStalled(client);
        assertThat(stalled.closedWith.get()).as("within the timeout").isNull();

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            sender.closeIfStalled(client);
            assertThat(stalled.closedWith.get()).isSameAs(Protocol.RESYNC);
        });
        assertThat(meters.get("gateway.resync.closes")
                        .tag("reason", PushSender.TIMEOUT)
                        .counter()
                        .count())
                .isEqualTo(1);
        assertThat(meters.find("gateway.messages.dropped").counters())
                .as("closing a stalled client drops no message")
                .isEmpty();
        assertThat(Protocol.RESYNC.getCode()).isEqualTo(4000);
    }

    @Test
    void aClientWithNothingPendingIsNeverStalled() {
        FakeConnection healthy = new FakeConnection(Uni.createFrom().voidItem());
        ConnectedClient client = healthy.client();
        sender.send(client, "ticket.created", "{}");

        await().pollDelay(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            sender.closeIfStalled(client);
            assertThat(healthy.closedWith.get()).isNull();
        });
    }

    @Test
    void aClientThatAlreadyLeftIsNotClosedAgain() {
        FakeConnection gone = new FakeConnection(Uni.createFrom().failure(new IllegalStateException("closed")));
        gone.closed = true;

        sender.send(gone.client(), "ticket.created", "{}");

        assertThat(meters.get("gateway.messages.dropped").counter().count()).isEqualTo(1);
        assertThat(gone.closedWith.get()).isNull();
    }

    @Test
    void aClientThatFallsMaxPendingMessagesBehindIsClosedToResyncAndGetsNothingMore() {
        // a timeout no slow machine reaches, so only the buffer bound can close the client
        PushSender sender = new PushSender(meters, config(Duration.ofHours(1)));
        FakeConnection stuck = new FakeConnection(Uni.createFrom().nothing());
        ConnectedClient client = stuck.client();

        sender.send(client, "ticket.created", "{}");
        sender.send(client, "ticket.created", "{}");
        assertThat(stuck.closedWith.get())
                .as("two pending sends fit the buffer")
                .isNull();

        sender.send(client, "ticket.triaged", "{}");
        sender.send(client, "ticket.updated", "{}");

        assertThat(stuck.closedWith.get()).isSameAs(Protocol.RESYNC);
        assertThat(stuck.sends).isEqualTo(2);
        assertThat(dropped("ticket.triaged", PushSender.OVERFLOW)).isEqualTo(1);
        assertThat(dropped("ticket.updated", PushSender.CLOSING)).isEqualTo(1);
    }

    @Test
    void aCompletedSendFreesItsBufferSlot() {
        FakeConnection healthy = new FakeConnection(Uni.createFrom().voidItem());
        ConnectedClient client = healthy.client();

        for (int i = 0; i < 10; i++) {
            sender.send(client, "ticket.created", "{}");
        }

        assertThat(healthy.sends).isEqualTo(10);
        assertThat(healthy.closedWith.get()).isNull();
    }

    private double dropped(String type, String reason) {
        return meters.get("gateway.messages.dropped")
                .tag("type", type)
                .tag("reason", reason)
                .counter()
                .count();
    }

    private static GatewayConfig config(Duration sendTimeout) {
        return new GatewayConfig() {
            @Override
            public String instanceId() {
                return "test";
            }

            @Override
            public java.util.Optional<List<String>> allowedOrigins() {
                return java.util.Optional.empty();
            }

            @Override
            public Push push() {
                return new Push() {
                    @Override
                    public Duration sendTimeout() {
                        return sendTimeout;
                    }

                    @Override
                    public int maxPending() {
                        return 2;
                    }
                };
            }

            @Override
            public Connections connections() {
                throw new UnsupportedOperationException("PushSender does not limit connections");
            }
        };
    }

    /** Only what PushSender uses of a connection; anything else fails the test loudly. */
    private static final class FakeConnection {

        private final Uni<Void> sendResult;
        private final AtomicReference<CloseReason> closedWith = new AtomicReference<>();
        private volatile boolean closed;
        private volatile int sends;

        FakeConnection(Uni<Void> sendResult) {
            this.sendResult = sendResult;
        }

        ConnectedClient client() {
            WebSocketConnection connection = (WebSocketConnection) Proxy.newProxyInstance(
                    getClass().getClassLoader(), new Class<?>[] {WebSocketConnection.class}, (proxy, method, args) -> {
                        switch (method.getName()) {
                            case "id":
                                return "fake";
                            case "sendText":
                                sends++;
                                return sendResult;
                            case "isClosed":
                                return closed;
                            case "close":
                                closedWith.set((CloseReason) args[0]);
                                closed = true;
                                return Uni.createFrom().voidItem();
                            default:
                                throw new UnsupportedOperationException(method.getName());
                        }
                    });
            return new ConnectedClient(connection, "tester", List.of("agent"), Visibility.EVERYTHING);
        }
    }
}
