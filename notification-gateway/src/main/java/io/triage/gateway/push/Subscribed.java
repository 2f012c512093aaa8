package io.triage.gateway.push;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.triage.gateway.subscription.Subscription;
import io.triage.model.Priority;
import java.util.List;
import java.util.UUID;

/** Confirms a {@code subscribe}: the subscription now in force, sorted. Events after it follow the new filter. */
@RegisterForReflection
public record Subscribed(
        int v,
        String type,
        List<String> teams,
        List<String> categories,
        List<Priority> priorities,
        @JsonInclude(JsonInclude.Include.NON_NULL) UUID ticketId) {

    public static Subscribed of(Subscription subscription) {
        return new Subscribed(
                Protocol.VERSION,
                Protocol.SUBSCRIBED,
                subscription.teams().stream().sorted().toList(),
                subscription.categories().stream().sorted().toList(),
                subscription.priorities().stream().sorted().toList(),
                subscription.ticketId());
    }
}
