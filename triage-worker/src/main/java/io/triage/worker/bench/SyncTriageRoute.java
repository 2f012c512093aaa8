package io.triage.worker.bench;

import io.smallrye.mutiny.Uni;
import io.triage.model.TriageRequested;
import io.triage.worker.triage.TriageResult;
import io.triage.worker.triage.TriageService;
import io.vertx.core.Context;
import io.vertx.core.impl.VertxInternal;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * {@code POST /bench/triage-sync}: stores a ticket and triages it inside the request, the way the system did before
 * triage moved behind the queue, so that benchmarks/run can measure both designs side by side on the same machine.
 * It exists only with {@code triage.bench.sync-endpoint=true} (otherwise the route is never registered: 404), which
 * benchmarks/run sets on an extra worker instance of its own; it has no authentication and is never for production.
 * The triage is the worker's real one ({@link TriageService}: embedding, k-NN vote, and the language model when it is
 * enabled), and it writes the same triage row and {@code ticket.triaged} outbox event as a queued request.
 */
@ApplicationScoped
public class SyncTriageRoute {

    static final String PATH = "/bench/triage-sync";
    private static final Logger LOG = Logger.getLogger(SyncTriageRoute.class);
    private static final int MAX_BODY_BYTES = 64 * 1024;

    private final BenchConfig config;
    private final TriageService triage;
    private final Pool pool;

    public SyncTriageRoute(BenchConfig config, TriageService triage, Pool pool) {
        this.config = config;
        this.triage = triage;
        this.pool = pool;
    }

    void register(@Observes Router router) {
        if (!config.syncEndpoint()) {
            return;
        }
        LOG.warnf("Benchmark endpoint POST %s is enabled (triage.bench.sync-endpoint): never in production", PATH);
        router.post(PATH).handler(BodyHandler.create().setBodyLimit(MAX_BODY_BYTES));
        router.post(PATH).handler(this::handle);
    }

    private void handle(RoutingContext context) {
        JsonObject json;
        try {
            json = context.body().asJsonObject();
        } catch (DecodeException e) {
            json = null;
        }
        String subject = json == null ? null : json.getString("subject");
        String body = json == null ? null : json.getString("body");
        if (isBlank(subject) || isBlank(body) || subject.length() > 200) {
            problem(context, 400, "subject (1-200 characters) and body are required");
            return;
        }
        UUID id = UUID.randomUUID();
        // A new context per request, as a thread-per-request server would give: the triage's blocking steps
        // (embedding, LLM call) are ordered per context, and a duplicate shares its event loop's order, so on the
        // request's own context every request would wait for the ones before it on that event loop, which would
        // understate what a synchronous design can do.
        Context request = ((VertxInternal) context.vertx()).createEventLoopContext();
        request.runOnContext(ignored -> respond(context, id, storeAndTriage(id, subject, body)));
    }

    private static void respond(RoutingContext context, UUID id, Uni<TriageResult> triaged) {
        triaged.subscribe()
                .with(
                        result -> context.response()
                                .setStatusCode(200)
                                .putHeader("Content-Type", "application/json")
                                .end(new JsonObject()
                                        .put("id", id.toString())
                                        .put("result", result.name())
                                        .encode()),
                        failure -> {
                            LOG.warnf(
                                    "Synchronous triage of %s failed: %s",
                                    id, failure.getClass().getName());
                            problem(context, 503, "triage failed");
                        });
    }

    private Uni<TriageResult> storeAndTriage(UUID id, String subject, String body) {
        return pool.preparedQuery("INSERT INTO ticket (id, subject, body, requester_email, channel, client_id, status,"
                        + " created_at, updated_at) VALUES ($1, $2, $3, 'bench@example.com', 'API', 'bench-sync',"
                        + " 'PENDING_TRIAGE', now(), now())")
                .execute(Tuple.of(id, subject, body))
                .chain(() -> triage.triage(TriageRequested.of(id, TriageRequested.REASON_CREATED, Instant.now())));
    }

    private static void problem(RoutingContext context, int status, String detail) {
        context.response()
                .setStatusCode(status)
                .putHeader("Content-Type", "application/problem+json")
                .end(new JsonObject()
                        .put("type", "about:blank")
                        .put("title", status == 400 ? "Bad Request" : "Service Unavailable")
                        .put("status", status)
                        .put("detail", detail)
                        .encode());
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
