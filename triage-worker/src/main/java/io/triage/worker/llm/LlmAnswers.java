package io.triage.worker.llm;

import io.triage.model.Priority;
import io.triage.worker.category.Category;
import io.triage.worker.classifier.Classification;
import java.util.List;
import java.util.Locale;

/** Checks a language-model answer against what the worker may store and turns it into a classification. */
final class LlmAnswers {

    static final String SOURCE = "llm";
    static final int MAX_SUMMARY = 160;
    static final int MAX_DRAFT_REPLY = 4000;

    /** Used when the model omits a confidence: it said nothing either way. */
    static final double UNSTATED_CONFIDENCE = 0.5;

    private LlmAnswers() {}

    static Classification validate(LlmTriage answer, List<Category> categories, String model) {
        if (answer == null) {
            throw new InvalidLlmAnswerException("empty answer");
        }
        String category = categories.stream()
                .map(Category::name)
                .filter(name -> name.equalsIgnoreCase(strip(answer.category())))
                .findFirst()
                .orElseThrow(() -> new InvalidLlmAnswerException("category is not an active category"));
        Priority priority = priority(answer.priority());
        String summary = strip(answer.summary());
        if (summary.isEmpty()) {
            throw new InvalidLlmAnswerException("summary is empty");
        }
        String draftReply = strip(answer.draftReply());
        return new Classification(
                category,
                confidence(answer.categoryConfidence()),
                priority,
                confidence(answer.priorityConfidence()),
                truncate(summary, MAX_SUMMARY),
                draftReply.isEmpty() ? null : truncate(draftReply, MAX_DRAFT_REPLY),
                model,
                SOURCE);
    }

    /** The model's one-sentence rationale, bounded, or {@code null}. */
    static String rationale(LlmTriage answer) {
        String rationale = answer == null ? "" : strip(answer.rationale());
        return rationale.isEmpty() ? null : truncate(rationale, MAX_SUMMARY * 2);
    }

    private static Priority priority(String value) {
        try {
            return Priority.valueOf(strip(value).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidLlmAnswerException("priority is not one of " + List.of(Priority.values()));
        }
    }

    private static double confidence(Double value) {
        if (value == null) {
            return UNSTATED_CONFIDENCE;
        }
        if (value.isNaN() || value < 0 || value > 1) {
            throw new InvalidLlmAnswerException("confidence outside [0, 1]");
        }
        return value;
    }

    private static String strip(String value) {
        return value == null ? "" : value.strip();
    }

    private static String truncate(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max - 1).stripTrailing() + "\u2026";
    }
}
