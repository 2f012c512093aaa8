package io.triage.worker.llm;

import io.triage.model.Priority;
import io.triage.worker.category.Category;
import java.util.List;
import java.util.stream.Collectors;

/** Text blocks the prompt is assembled from. */
final class Prompts {

    private static final List<String> PRIORITY_GUIDANCE = List.of(
            "URGENT: an outage, a security problem or many customers blocked",
            "HIGH: one customer blocked, money at stake (failed payment, refund) or a broken feature",
            "MEDIUM: a problem with a workaround, or no sign of urgency",
            "LOW: a question, feedback or a feature request");

    private Prompts() {}

    static String categories(List<Category> categories) {
        return categories.stream()
                .map(c -> "- " + c.name() + ": " + c.description())
                .collect(Collectors.joining("\n"));
    }

    static String priorities() {
        // Written against the enum so that adding a priority without guidance fails the unit test, not production.
        if (PRIORITY_GUIDANCE.size() != Priority.values().length) {
            throw new IllegalStateException("Every priority needs guidance for the language model");
        }
        return PRIORITY_GUIDANCE.stream().map(line -> "- " + line).collect(Collectors.joining("\n"));
    }

    /**
     * Escapes ticket text for the {@code <ticket>} fence: a customer who writes {@code </ticket>} must not be able to
     * close the fence and have the rest of the text read as instructions.
     */
    static String fence(String untrusted) {
        return untrusted.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
