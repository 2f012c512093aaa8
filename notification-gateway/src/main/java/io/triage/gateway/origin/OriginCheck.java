package io.triage.gateway.origin;

import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.smallrye.mutiny.Uni;
import io.triage.gateway.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Refuses upgrades (403) from browser pages on origins not in {@code gateway.allowed-origins}, against cross-site
 * WebSocket hijacking: browsers attach credentials to a cross-site upgrade, and CORS does not apply to WebSockets.
 * Requests without an Origin header come from non-browser clients, which no page can drive, and are allowed.
 */
@ApplicationScoped
public class OriginCheck implements HttpUpgradeCheck {

    private final Set<String> allowed;

    public OriginCheck(GatewayConfig config) {
        this.allowed = config.allowedOrigins().orElse(List.of()).stream()
                .map(OriginCheck::normalize)
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public Uni<CheckResult> perform(HttpUpgradeContext context) {
        String origin = context.httpRequest().getHeader("Origin");
        if (origin == null || allowed.contains(normalize(origin))) {
            return CheckResult.permitUpgrade();
        }
        return CheckResult.rejectUpgrade(403);
    }

    private static String normalize(String origin) {
        String trimmed = origin.strip().toLowerCase(Locale.ROOT);
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }
}
