package io.triage.gateway.limit;

import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.smallrye.mutiny.Uni;
import io.triage.gateway.GatewayConfig;
import io.triage.gateway.push.ConnectionRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;

/**
 * Refuses upgrades beyond the connection limits before any WebSocket exists, which is what makes a flood cheap to
 * turn away: 503 once the replica holds {@code gateway.connections.max} connections (another replica may have room),
 * 429 once the caller holds {@code gateway.connections.max-per-user}. Both with Retry-After. Upgrades racing past
 * this check are caught when the connection opens ({@link ConnectionRegistry#reserve}).
 */
@ApplicationScoped
public class ConnectionLimitCheck implements HttpUpgradeCheck {

    private static final Map<String, List<String>> RETRY_AFTER = Map.of("Retry-After", List.of("5"));

    private final ConnectionRegistry registry;
    private final int max;
    private final int maxPerUser;

    public ConnectionLimitCheck(ConnectionRegistry registry, GatewayConfig config) {
        this.registry = registry;
        this.max = config.connections().max();
        this.maxPerUser = config.connections().maxPerUser();
    }

    @Override
    public Uni<CheckResult> perform(HttpUpgradeContext context) {
        if (registry.open() >= max) {
            return CheckResult.rejectUpgrade(503, RETRY_AFTER);
        }
        return context.securityIdentity().map(identity -> {
            // an anonymous upgrade is refused by the endpoint's security with 401; nothing to count here
            if (identity == null
                    || identity.isAnonymous()
                    || registry.openBy(identity.getPrincipal().getName()) < maxPerUser) {
                return CheckResult.permitUpgradeSync();
            }
            return CheckResult.rejectUpgradeSync(429, RETRY_AFTER);
        });
    }
}
