package io.triage.gateway.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;
import io.triage.gateway.GatewayConfig;
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
                .untilAsserted(() -> assertThat(broken.closedWith.get()).isSameAs(PushSender.MISSED_MESSAGE));
        assertThat(meters.get("gateway.messages.failed")
                        .tag("type", "ticket.updated")
                        .counter()
                        .count())
                .isEqualTo(1);
    }

    @Test
    void aSendThatStallsPastTheTimeoutDisconnectsThatClient() {
        FakeConnection stalled = new FakeConnection(Uni.createFrom().nothing());

        sender.send(stalled.client(), "ticket.triaged", "{}");

        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(stalled.closedWith.get()).isSameAs(PushSender.MISSED_MESSAGE));
        assertThat(PushSender.MISSED_MESSAGE.getCode()).isEqualTo(1013);
    }

    @Test
    void aClientThatAlreadyLeftIsNotClosedAgain() {
        FakeConnection gone = new FakeConnection(Uni.createFrom().failure(new IllegalStateException("closed")));
        gone.closed = true;

        sender.send(gone.client(), "ticket.created", "{}");

        assertThat(meters.get("gateway.messages.failed").counter().count()).isEqualTo(1);
        assertThat(gone.closedWith.get()).isNull();
    }

    private static GatewayConfig config(Duration sendTimeout) {
        return new GatewayConfig() {
            @Override
            public String instanceId() {
                return "test";
            }

            @Override
            public Push push() {
                return () -> sendTimeout;
            }
        };
    }

    /** Only what PushSender uses of a connection; anything else fails the test loudly. */
    private static final class FakeConnection {

        private final Uni<Void> sendResult;
        private final AtomicReference<CloseReason> closedWith = new AtomicReference<>();
        private volatile boolean closed;

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
            return new ConnectedClient(connection, "tester", List.of("agent"));
        }
    }
}
