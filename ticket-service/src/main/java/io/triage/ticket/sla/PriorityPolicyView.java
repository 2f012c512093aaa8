package io.triage.ticket.sla;

import java.time.Instant;

public record PriorityPolicyView(String priority, int firstResponseMinutes, int resolutionMinutes, Instant updatedAt) {

    static PriorityPolicyView of(PriorityPolicy policy) {
        return new PriorityPolicyView(
                policy.priority, policy.firstResponseMinutes, policy.resolutionMinutes, policy.updatedAt);
    }
}
