package io.triage.ticket.outbox;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.amqp.OutgoingAmqpMetadata;
import io.triage.model.Addresses;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgConnectOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

/**
 * Publishes outbox rows to AMQP, at least once. A batch of unpublished rows is locked with {@code SKIP LOCKED}
 * (so several replicas share the work without sending a row twice at the same time), sent with the broker's
 * acknowledgement awaited, and stamped published in the same transaction. If the broker is down the transaction
 * rolls back and the rows wait for the next try; nothing is lost and intake is unaffected.
 */
@ApplicationScoped
public class OutboxRelay {

    static final String CHANNEL = "outbox";
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private static final String LOCK_BATCH = """
            SELECT seq, event_id, address, type, payload::text AS payload
              FROM outbox_event
             WHERE published_at IS NULL AND last_error IS NULL
             ORDER BY seq
             LIMIT $1
             FOR UPDATE SKIP LOCKED""";
    private static final String MARK_PUBLISHED =
            "UPDATE outbox_event SET published_at = now(), attempts = attempts + 1 WHERE seq = ANY($1)";
    private static final String MARK_POISON =
            "UPDATE outbox_event SET last_error = $2, attempts = attempts + 1 WHERE seq = $1";

    private final Pool pool;
    private final MutinyEmitter<JsonObject> emitter;
    private final OutboxSettings settings;
    private final Vertx vertx;
    private final String reactiveUrl;
    private final String username;
    private final String password;

    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean wakeRequested = new AtomicBoolean();
    private volatile boolean stopped;
    private PgSubscriber subscriber;

    public OutboxRelay(
            Pool pool,
            @Channel(CHANNEL) MutinyEmitter<JsonObject> emitter,
            OutboxSettings settings,
            Vertx vertx,
            @ConfigProperty(name = "quarkus.datasource.reactive.url") String reactiveUrl,
            @ConfigProperty(name = "quarkus.datasource.username") String username,
            @ConfigProperty(name = "quarkus.datasource.password", defaultValue = "") String password) {
        this.pool = pool;
        this.emitter = emitter;
        this.settings = settings;
        this.vertx = vertx;
        this.reactiveUrl = reactiveUrl;
        this.username = username;
        this.password = password;
    }

    void onStart(@Observes StartupEvent event) {
        if (settings.listen()) {
            listen();
        }
        wake();
    }

    void onStop(@Observes ShutdownEvent event) {
        stopped = true;
        if (subscriber != null) {
            subscriber.closeAndForget();
        }
    }

    @Scheduled(every = "${outbox.poll-interval:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        wake();
    }

    /** Drains the outbox now, or right after the drain in progress, coalescing bursts of wake-ups into one. */
    public void wake() {
        wakeRequested.set(true);
        if (!stopped && draining.compareAndSet(false, true)) {
            drain();
        }
    }

    private void drain() {
        wakeRequested.set(false);
        publishBatch()
                .subscribe()
                .with(
                        published -> {
                            draining.set(false);
                            if (published == settings.batchSize() || wakeRequested.get()) {
                                wake();
                            }
                        },
                        failure -> {
                            draining.set(false);
                            // The poll retries; logging every attempt during a long outage would flood the log.
                            LOG.warnf("Outbox publish failed, will retry: %s", failure.toString());
                        });
    }

    /** Publishes one batch; returns how many rows it published. */
    Uni<Integer> publishBatch() {
        return pool.withTransaction(connection -> connection
                .preparedQuery(LOCK_BATCH)
                .execute(Tuple.of(settings.batchSize()))
                .onItem()
                .transformToUni(rows -> sendAll(connection, rows).chain(seqs -> markPublished(connection, seqs))));
    }

    private Uni<List<Long>> sendAll(SqlConnection connection, RowSet<Row> rows) {
        List<Uni<Long>> sends = new ArrayList<>();
        List<Row> poison = new ArrayList<>();
        for (Row row : rows) {
            JsonObject payload = parse(row);
            if (payload == null) {
                poison.add(row);
            } else {
                sends.add(send(row, payload));
            }
        }
        Uni<Void> setAsidePoison = setAside(connection, poison);
        if (sends.isEmpty()) {
            return setAsidePoison.replaceWith(List.of());
        }
        return setAsidePoison.chain(() -> Uni.join().all(sends).andFailFast());
    }

    /** A row that can never be sent must not block every row behind it; it is kept, flagged, for a person. */
    private Uni<Void> setAside(SqlConnection connection, List<Row> poison) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Row row : poison) {
            LOG.errorf(
                    "Outbox event %s (seq %d) is not valid JSON; set aside",
                    row.getUUID("event_id"), row.getLong("seq"));
            chain = chain.chain(() -> connection
                    .preparedQuery(MARK_POISON)
                    .execute(Tuple.of(row.getLong("seq"), "payload is not a JSON object"))
                    .replaceWithVoid());
        }
        return chain;
    }

    private static JsonObject parse(Row row) {
        try {
            return new JsonObject(row.getString("payload"));
        } catch (RuntimeException e) {
            return null;
        }
    }

    private Uni<Long> send(Row row, JsonObject payload) {
        String eventId = row.getUUID("event_id").toString();
        String type = row.getString("type");
        OutgoingAmqpMetadata metadata = OutgoingAmqpMetadata.builder()
                .withAddress(row.getString("address"))
                .withDurable(true)
                .withMessageId(eventId)
                .withContentType("application/json")
                .withApplicationProperty(Addresses.TYPE_PROPERTY, type)
                .withApplicationProperty("eventId", eventId)
                .build();
        Message<JsonObject> message = Message.of(payload, Metadata.of(metadata));
        return emitter.sendMessage(message)
                .ifNoItem()
                .after(settings.sendTimeout())
                .fail()
                .replaceWith(row.getLong("seq"));
    }

    private Uni<Integer> markPublished(SqlConnection connection, List<Long> seqs) {
        if (seqs.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return connection
                .preparedQuery(MARK_PUBLISHED)
                .execute(Tuple.of(seqs.toArray(new Long[0])))
                .replaceWith(seqs.size());
    }

    private void listen() {
        PgConnectOptions options = PgConnectOptions.fromUri(reactiveUrl).setUser(username);
        if (!password.isEmpty()) {
            options.setPassword(password);
        }
        subscriber = PgSubscriber.subscriber(vertx, options).reconnectPolicy(retries -> stopped ? -1L : 1000L);
        subscriber.channel("outbox_event").handler(payload -> wake());
        // A listener that failed to connect leaves the poll as the only trigger; never fail start-up for it.
        subscriber
                .connect()
                .subscribe()
                .with(
                        ignored -> LOG.debug("Listening for outbox notifications"),
                        failure -> LOG.warnf(
                                "Cannot listen for outbox notifications, polling only: %s", failure.toString()));
    }
}
