package io.triage.ticket.sla;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.triage.model.Priority;
import io.triage.ticket.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

@ApplicationScoped
public class PriorityPolicyService {

    private final Clock clock;

    public PriorityPolicyService(Clock clock) {
        this.clock = clock;
    }

    /** Most urgent first, the order agents see priorities in. */
    @WithSession
    public Uni<List<PriorityPolicyView>> list() {
        return PriorityPolicy.<PriorityPolicy>listAll()
                .map(list -> list.stream()
                        .sorted(Comparator.comparingInt(policy -> rank(policy.priority)))
                        .map(PriorityPolicyView::of)
                        .toList());
    }

    /**
     * New targets apply to tickets whose priority is set from now on; due times already computed stay as they
     * were promised.
     *
     * @return the updated policy, or {@code null} when there is no such priority
     */
    @WithTransaction
    public Uni<PriorityPolicyView> update(String priority, PriorityPolicyUpdate request) {
        if (request.resolutionMinutes() < request.firstResponseMinutes()) {
            return Uni.createFrom()
                    .failure(new ProblemException(
                            400,
                            "validation",
                            "Invalid request",
                            "resolutionMinutes must not be shorter than firstResponseMinutes."));
        }
        return PriorityPolicy.<PriorityPolicy>findById(priority.toUpperCase(Locale.ROOT))
                .onItem()
                .ifNotNull()
                .transform(policy -> {
                    policy.firstResponseMinutes = request.firstResponseMinutes();
                    policy.resolutionMinutes = request.resolutionMinutes();
                    policy.updatedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
                    return PriorityPolicyView.of(policy);
                });
    }

    private static int rank(String priority) {
        try {
            return Priority.valueOf(priority).ordinal();
        } catch (IllegalArgumentException unknown) {
            return Integer.MAX_VALUE;
        }
    }
}
