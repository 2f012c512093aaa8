package io.triage.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.triage.model.Addresses;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.CoreAddressConfiguration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;

/**
 * A real ActiveMQ Artemis broker (the same 2.40.0 the local run uses) embedded in the test JVM, speaking AMQP 1.0
 * on a free port, with a persistent journal so that a {@link #stopBroker() stop} and {@link #startBroker() restart}
 * behave like a real broker outage: durable messages survive, connections drop.
 */
public class ArtemisTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String USER = "triage";
    public static final String PASSWORD = "triage";

    /** Matches the local broker.xml: after this many failed deliveries a triage request is dead-lettered. */
    public static final int MAX_DELIVERY_ATTEMPTS = 5;

    /** The local and Kubernetes brokers' back-off between deliveries of a failed triage request. */
    private static final long PRODUCTION_REDELIVERY_DELAY_MS = 1_000;

    private static final double PRODUCTION_REDELIVERY_MULTIPLIER = 2.0;
    private static final long PRODUCTION_MAX_REDELIVERY_DELAY_MS = 30_000;

    private static volatile EmbeddedActiveMQ broker;
    private static volatile Configuration configuration;
    private static volatile int port;

    /** Redelivers at once: tests of the worker's attempt counting need not wait for a back-off. */
    private final boolean productionRedelivery;

    public ArtemisTestResource() {
        this(false);
    }

    private ArtemisTestResource(boolean productionRedelivery) {
        this.productionRedelivery = productionRedelivery;
    }

    /**
     * With the deployed brokers' redelivery back-off (1 s, doubling, at most 30 s), for tests of outages: without it a
     * worker spends all its deliveries of a request within milliseconds of a database restart.
     */
    public static ArtemisTestResource withProductionRedelivery() {
        return new ArtemisTestResource(true);
    }

    @Override
    public Map<String, String> start() {
        try {
            port = freePort();
            Path dir = Files.createTempDirectory("artemis-test");
            configuration = configuration(port, dir, productionRedelivery);
            startBroker();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot start the embedded Artemis broker", e);
        }
        return Map.of(
                "amqp-host",
                "127.0.0.1",
                "amqp-port",
                String.valueOf(port),
                "amqp-username",
                USER,
                "amqp-password",
                PASSWORD,
                // The broker's audit log writes a line per message; messages carry ticket summaries, which the
                // logs must not (and a line per message drowns the test output).
                "quarkus.log.category.\"org.apache.activemq.audit\".level",
                "WARN");
    }

    @Override
    public void stop() {
        stopBroker();
    }

    /** Starts (or restarts after {@link #stopBroker()}) the broker on the same port and journal. */
    public static synchronized void startBroker() {
        if (broker != null) {
            return;
        }
        try {
            EmbeddedActiveMQ started = new EmbeddedActiveMQ();
            started.setConfiguration(configuration);
            started.start();
            broker = started;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot start the embedded Artemis broker", e);
        }
    }

    /** Simulates a broker outage: every connection is dropped and the port stops accepting. */
    public static synchronized void stopBroker() {
        if (broker == null) {
            return;
        }
        try {
            broker.stop();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot stop the embedded Artemis broker", e);
        } finally {
            broker = null;
        }
    }

    /** Messages waiting in a queue (delivered-but-unacknowledged ones included). */
    public static long messageCount(String queue) {
        var binding = broker.getActiveMQServer().locateQueue(SimpleString.of(queue));
        return binding == null ? 0 : binding.getMessageCount();
    }

    /** Messages ever added to a queue since the broker started. */
    public static long messagesAdded(String queue) {
        var binding = broker.getActiveMQServer().locateQueue(SimpleString.of(queue));
        return binding == null ? 0 : binding.getMessagesAdded();
    }

    public static int port() {
        return port;
    }

    private static Configuration configuration(int port, Path dir, boolean productionRedelivery) throws Exception {
        AddressSettings triageRequests = new AddressSettings()
                .setMaxDeliveryAttempts(MAX_DELIVERY_ATTEMPTS)
                .setDeadLetterAddress(SimpleString.of(Addresses.TRIAGE_REQUESTS_DLQ))
                .setAutoCreateDeadLetterResources(false);
        if (productionRedelivery) {
            triageRequests
                    .setRedeliveryDelay(PRODUCTION_REDELIVERY_DELAY_MS)
                    .setRedeliveryMultiplier(PRODUCTION_REDELIVERY_MULTIPLIER)
                    .setMaxRedeliveryDelay(PRODUCTION_MAX_REDELIVERY_DELAY_MS);
        }
        return new ConfigurationImpl()
                .setName("triage-test-broker")
                .setPersistenceEnabled(true)
                .setJournalType(JournalType.NIO)
                .setJournalDirectory(dir.resolve("journal").toString())
                .setBindingsDirectory(dir.resolve("bindings").toString())
                .setLargeMessagesDirectory(dir.resolve("large").toString())
                .setPagingDirectory(dir.resolve("paging").toString())
                .setSecurityEnabled(false)
                .addAcceptorConfiguration("amqp", "tcp://127.0.0.1:" + port + "?protocols=AMQP")
                .addAddressSetting(Addresses.TRIAGE_REQUESTS, triageRequests)
                .addAddressConfiguration(anycastQueue(Addresses.TRIAGE_REQUESTS))
                .addAddressConfiguration(anycastQueue(Addresses.TRIAGE_REQUESTS_DLQ))
                .addAddressConfiguration(new CoreAddressConfiguration()
                        .setName(Addresses.TICKET_EVENTS)
                        .addRoutingType(RoutingType.MULTICAST));
    }

    private static CoreAddressConfiguration anycastQueue(String name) {
        return new CoreAddressConfiguration()
                .setName(name)
                .addRoutingType(RoutingType.ANYCAST)
                .addQueueConfig(QueueConfiguration.of(name).setRoutingType(RoutingType.ANYCAST));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
