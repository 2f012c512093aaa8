package io.triage.worker.llm;

import io.triage.model.Priority;
import io.triage.worker.category.Category;
import io.triage.worker.common.PlainText;
import io.triage.worker.signals.Sentiment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks a language-model answer against what the worker may store, field by field. */
final class LlmAnswers {

    static final int MAX_SUMMARY = 160;
    static final int MAX_DRAFT_REPLY = 4000;

    private static final Set<String> ISO_LANGUAGES = Set.of(Locale.getISOLanguages());
    private static final Pattern LANGUAGE_CODE = Pattern.compile("[a-z]{2}");

    /** What the retry says when the first answer was not the requested JSON object at all. */
    static final String UNREADABLE = "the answer was not a JSON object with the requested fields";

    private static final String PRIORITIES = Arrays.toString(Priority.values());

    /** Used when the model omits a confidence: it said nothing either way. */
    static final double UNSTATED_CONFIDENCE = 0.5;

    private LlmAnswers() {}

    /**
     * Checks every field of an answer on its own: a value outside the allowed ones, or with a confidence outside
     * [0, 1], is dropped (null in the result) and named among the problems, which the retry tells the model. The
     * problems name the field, never the value: the value may be the ticket's text speaking through the model.
     */
    static Checked check(LlmTriage answer, List<Category> categories) {
        if (answer == null) {
            return new Checked(LlmAnswer.NONE, List.of(UNREADABLE));
        }
        List<String> problems = new ArrayList<>();
        String category = categories.stream()
                .map(Category::name)
                .filter(name -> name.equalsIgnoreCase(strip(answer.category())))
                .findFirst()
                .orElse(null);
        Double categoryConfidence = confidence(answer.categoryConfidence());
        if (category == null) {
            problems.add("the category was not one of the allowed category names");
        } else if (categoryConfidence == null) {
            problems.add("the category confidence was not a number between 0 and 1");
            category = null;
        }
        Priority priority = priority(answer.priority());
        Double priorityConfidence = confidence(answer.priorityConfidence());
        if (priority == null) {
            problems.add("the priority was not one of " + PRIORITIES);
        } else if (priorityConfidence == null) {
            problems.add("the priority confidence was not a number between 0 and 1");
            priority = null;
        }
        // Stored and shown as plain text: markup stays visible characters, invisible and control characters go.
        String summary = PlainText.line(answer.summary(), MAX_SUMMARY);
        if (summary.isEmpty()) {
            problems.add("the summary was empty");
        }
        String draftReply = PlainText.paragraphs(answer.draftReply(), MAX_DRAFT_REPLY);
        LlmAnswer checked = new LlmAnswer(
                category,
                category == null ? 0 : categoryConfidence,
                priority,
                priority == null ? 0 : priorityConfidence,
                summary.isEmpty() ? null : summary,
                draftReply.isEmpty() ? null : draftReply);
        return new Checked(checked, List.copyOf(problems));
    }

    /** An answer with what was wrong with it; no problems means every field is usable. */
    record Checked(LlmAnswer answer, List<String> problems) {

        static Checked unreadable() {
            return new Checked(LlmAnswer.NONE, List.of(UNREADABLE));
        }
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
        String name = strip(value).toUpperCase(Locale.ROOT);
        return Arrays.stream(Priority.values())
                .filter(p -> p.name().equals(name))
                .findFirst()
                .orElse(null);
    }

    /** The confidence, {@link #UNSTATED_CONFIDENCE} when omitted, or {@code null} when it is no probability. */
    private static Double confidence(Double value) {
        if (value == null) {
            return UNSTATED_CONFIDENCE;
        }
        return value.isNaN() || value < 0 || value > 1 ? null : value;
    }

    private static String strip(String value) {
        return value == null ? "" : value.strip();
    }
}
