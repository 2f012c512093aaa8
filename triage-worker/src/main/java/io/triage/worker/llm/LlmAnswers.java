package io.triage.worker.llm;

import io.triage.model.Priority;
import io.triage.worker.category.Category;
import io.triage.worker.classifier.Classification;
import io.triage.worker.common.PlainText;
import io.triage.worker.signals.Sentiment;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks a language-model answer against what the worker may store and turns it into a classification. */
final class LlmAnswers {

    static final String SOURCE = "llm";
    static final int MAX_SUMMARY = 160;
    static final int MAX_DRAFT_REPLY = 4000;

    private static final Set<String> ISO_LANGUAGES = Set.of(Locale.getISOLanguages());
    private static final Pattern LANGUAGE_CODE = Pattern.compile("[a-z]{2}");

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
        // Stored and shown as plain text: markup stays visible characters, invisible and control characters go.
        String summary = PlainText.line(answer.summary(), MAX_SUMMARY);
        if (summary.isEmpty()) {
            throw new InvalidLlmAnswerException("summary is empty");
        }
        String draftReply = PlainText.paragraphs(answer.draftReply(), MAX_DRAFT_REPLY);
        return new Classification(
                category,
                confidence(answer.categoryConfidence()),
                priority,
                confidence(answer.priorityConfidence()),
                summary,
                draftReply.isEmpty() ? null : draftReply,
                model,
                SOURCE);
    }

    /** The model's one-sentence rationale, bounded, or {@code null}. */
    static String rationale(LlmTriage answer) {
        String rationale = answer == null ? "" : PlainText.line(answer.rationale(), MAX_SUMMARY * 2);
        return rationale.isEmpty() ? null : rationale;
    }

    /** The model's sentiment if it is one of the allowed values; otherwise it abstains on the field ({@code null}). */
    static Sentiment sentiment(LlmTriage answer) {
        return answer == null ? null : Sentiment.parse(answer.sentiment()).orElse(null);
    }

    /** The model's language if it is an ISO 639-1 code; otherwise it abstains on the field ({@code null}). */
    static String language(LlmTriage answer) {
        String code = answer == null ? "" : strip(answer.language()).toLowerCase(Locale.ROOT);
        return LANGUAGE_CODE.matcher(code).matches() && ISO_LANGUAGES.contains(code) ? code : null;
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
}
