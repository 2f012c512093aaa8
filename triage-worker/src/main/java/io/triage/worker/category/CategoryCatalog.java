package io.triage.worker.category;

import io.smallrye.mutiny.Uni;
import io.triage.worker.config.TriageConfig;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The active categories, read from the table that admins edit and reused for a short while: every ticket needs them,
 * and a change may take {@code triage.category-cache-ttl} to reach the worker.
 */
@ApplicationScoped
public class CategoryCatalog {

    private final Pool pool;
    private final Duration ttl;
    private final AtomicReference<Snapshot> cached = new AtomicReference<>();

    public CategoryCatalog(Pool pool, TriageConfig config) {
        this.pool = pool;
        this.ttl = config.categoryCacheTtl();
    }

    /** Active categories ordered by name, so ties between equally good categories break the same way every time. */
    public Uni<List<Category>> active() {
        Snapshot snapshot = cached.get();
        if (snapshot != null && !snapshot.isExpired()) {
            return Uni.createFrom().item(snapshot.categories());
        }
        // Failures are not cached: the next message simply reads again.
        return pool.query("SELECT name, description, team FROM category WHERE active ORDER BY name")
                .execute()
                .map(rows -> rows.stream().map(CategoryCatalog::toCategory).toList())
                .invoke(categories -> cached.set(new Snapshot(categories, System.nanoTime() + ttl.toNanos())));
    }

    /** An active category by name, from the list the classification used. */
    public static Optional<Category> find(List<Category> categories, String name) {
        return categories.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    private static Category toCategory(Row row) {
        return new Category(row.getString("name"), row.getString("description"), row.getString("team"));
    }

    private record Snapshot(List<Category> categories, long expiresAtNanos) {

        boolean isExpired() {
            return System.nanoTime() - expiresAtNanos >= 0;
        }
    }
}
