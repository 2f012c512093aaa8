package io.triage.worker.classifier;

import io.triage.model.Priority;
import io.triage.model.TriageOutcome;
import java.util.List;

/**
 * A classifier's decision about one ticket.
 *
 * @param draftReply a suggested answer to the customer, or {@code null} when the model writes none
 * @param model the model that decided, e.g. {@code lexical-v0}
 * @param source {@code local} or {@code llm}
 * @param neighbours the labelled examples the decision leaned on, nearest first; empty for other models
 */
public record Classification(
        String category,
        double categoryConfidence,
        Priority priority,
        double priorityConfidence,
        String summary,
        String draftReply,
        String model,
        String source,
        List<Neighbour> neighbours) {

    public Classification {
        neighbours = neighbours == null ? List.of() : List.copyOf(neighbours);
    }

    public Classification(
            String category,
            double categoryConfidence,
            Priority priority,
            double priorityConfidence,
            String summary,
            String draftReply,
            String model,
            String source) {
        this(category, categoryConfidence, priority, priorityConfidence, summary, draftReply, model, source, List.of());
    }

    public TriageOutcome outcome() {
        return new TriageOutcome(category, categoryConfidence, priority, priorityConfidence, summary, model, source);
    }

    @Override
    public String toString() {
        // Summary and draft reply are derived from the ticket body: keep them out of logs.
        return "Classification[category=" + category + ", priority=" + priority + ", model=" + model + ", source="
                + source + "]";
    }
}
