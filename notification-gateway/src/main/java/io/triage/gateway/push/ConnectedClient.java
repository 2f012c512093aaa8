package io.triage.gateway.push;

import io.quarkus.websockets.next.WebSocketConnection;
import io.triage.gateway.subscription.Subscription;
import io.triage.gateway.subscription.Visibility;
import io.triage.model.TicketSnapshot;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/** An open dashboard connection: who opened it, what it may see and wants, and what is queued for it. */
public final class ConnectedClient {

    private final WebSocketConnection connection;
    private final String user;
    private final List<String> roles;
    private final Visibility visibility;
    private final Executor eventLoop;
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicBoolean closing = new AtomicBoolean();
    private volatile Subscription subscription = Subscription.EVERYTHING;
    private volatile long progressAtNanos = System.nanoTime();

    public ConnectedClient(WebSocketConnection connection, String user, List<String> roles, Visibility visibility) {
        this(connection, user, roles, visibility, null);
    }

    /**
     * @param eventLoop the event loop that owns the connection's socket, where writes to it cost least; null to
     *     write from whichever thread fans out
     */
    public ConnectedClient(
            WebSocketConnection connection,
            String user,
            List<String> roles,
            Visibility visibility,
            Executor eventLoop) {
        this.connection = connection;
        this.user = user;
        this.roles = List.copyOf(roles);
        this.visibility = visibility;
        this.eventLoop = eventLoop;
    }

    /** The event loop owning the connection's socket, or null when unknown. */
    public Executor eventLoop() {
        return eventLoop;
    }

    public String id() {
        return connection.id();
    }

    public WebSocketConnection connection() {
        return connection;
    }

    public String user() {
        return user;
    }

    public List<String> roles() {
        return roles;
    }

    public Visibility visibility() {
        return visibility;
    }

    public Subscription subscription() {
        return subscription;
    }

    public void subscribe(Subscription subscription) {
        this.subscription = subscription;
    }

    /** Whether this client may see the ticket and asked for it. */
    public boolean wants(TicketSnapshot ticket) {
        return visibility.allows(ticket) && subscription.matches(ticket);
    }

    /** Takes one of the connection's buffer slots; false when all {@code max} are taken by unfinished sends. */
    boolean reserve(int max) {
        while (true) {
            int current = pending.get();
            if (current >= max) {
                return false;
            }
            if (pending.compareAndSet(current, current + 1)) {
                if (current == 0) {
                    progressAtNanos = System.nanoTime();
                }
                return true;
            }
        }
    }

    /** Frees the slot of a send that completed or failed: the connection made progress. */
    void release() {
        progressAtNanos = System.nanoTime();
        pending.decrementAndGet();
    }

    /** Whether sends are waiting and none completed for longer than {@code timeoutNanos}. */
    boolean stalled(long nowNanos, long timeoutNanos) {
        return pending.get() > 0 && nowNanos - progressAtNanos > timeoutNanos;
    }

    /** True only for the first caller: the connection is then being closed and gets nothing more. */
    boolean startClosing() {
        return closing.compareAndSet(false, true);
    }

    boolean closing() {
        return closing.get();
    }
}
