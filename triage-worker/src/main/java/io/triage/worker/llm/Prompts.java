package io.triage.worker.llm;

import io.triage.model.Priority;
import io.triage.worker.category.Category;
import io.triage.worker.classifier.Neighbour;
import io.triage.worker.common.PlainText;
import io.triage.worker.draft.PastReply;
import java.text.Normalizer;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Text blocks the prompt is assembled from. */
final class Prompts {

    /** Recorded with every language-model triage; change it whenever the prompt text changes. */
    static final String VERSION = "triage-v4";

    private static final int MAX_EXAMPLE_CHARS = 600;

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
     * close the fence and have the rest of the text read as instructions. Look-alikes are folded first (NFKC turns a
     * fullwidth {@code ＜} into {@code <}, which is then escaped), and invisible characters (bidirectional overrides,
     * zero-width and tag characters that hide text from a human reviewer) are removed.
     */
    static String fence(String untrusted) {
        String folded = PlainText.paragraphs(Normalizer.normalize(untrusted, Normalizer.Form.NFKC), Integer.MAX_VALUE);
        return folded.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /**
     * Similar past tickets and how agents filed them, corrections first (they are the agents' latest word), redacted
     * and fenced like the ticket: their text is customers' text too.
     */
    static String examples(List<Neighbour> neighbours, int limit) {
        List<Neighbour> chosen = neighbours.stream()
                .filter(n -> n.text() != null && n.category() != null)
                .sorted(Comparator.comparing((Neighbour n) -> !n.isCorrection())
                        .thenComparing(Comparator.comparingDouble(Neighbour::similarity)
                                .reversed()))
                .limit(limit)
                .toList();
        if (chosen.isEmpty()) {
            return "(none)";
        }
        return chosen.stream()
                .map(n -> "<example category=\"" + fence(n.category()) + "\""
                        + (n.priority() == null
                                ? ""
                                : " priority=\"" + n.priority().name() + "\"") + ">\n"
                        + fence(shorten(Redactor.redact(n.text()))) + "\n</example>")
                .collect(Collectors.joining("\n"));
    }

    /**
     * Agents' replies to similar resolved tickets, most similar first, for the model to ground its draft in. Redacted
     * (they may quote that other customer) and fenced like the ticket: an agent may have pasted customer text.
     */
    static String replies(List<PastReply> replies, int maxChars) {
        if (replies.isEmpty()) {
            return "(none)";
        }
        return replies.stream()
                .map(r -> "<reply similarity=\"" + String.format(Locale.ROOT, "%.2f", r.similarity()) + "\">\n"
                        + fence(shorten(Redactor.redact(r.body()), maxChars)) + "\n</reply>")
                .collect(Collectors.joining("\n"));
    }

    /**
     * What the model is told when it is asked again: the problems of its first answer, each in the worker's own words
     * ({@link LlmAnswers#check}), never the rejected values, which may carry the ticket's text.
     */
    static String correction(List<String> problems) {
        if (problems.isEmpty()) {
            return "";
        }
        return "\nYour previous answer for this ticket was rejected: " + String.join("; ", problems)
                + ". Answer again with a JSON object of the requested fields, choosing only among the allowed values.";
    }

    private static String shorten(String text) {
        return shorten(text, MAX_EXAMPLE_CHARS);
    }

    private static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "\u2026";
    }
}
