package io.triage.worker.cascade;

import io.triage.model.Priority;
import io.triage.model.TriageOutcome;
import io.triage.worker.classifier.Classification;
import io.triage.worker.draft.Draft;
import io.triage.worker.signals.Signals;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * The outcome of the cascade for one ticket.
 *
 * @param result the values stored with the triage: for every field the value chosen, applied or not
 * @param modelsUsed every model that contributed, in the order they were asked
 * @param promptVersion the prompt's version when the language model was asked, else {@code null}
 * @param promptTokens tokens sent to the language model, or {@code null} when it was not asked
 * @param costUsd estimated cost of the language-model call, or {@code null} when it was not asked
 * @param signals the ticket's language and the customer's tone
 * @param draft the drafted reply with its provenance, or {@code null} when none was drafted
 */
public record Decision(
        Classification result,
        FieldDecision category,
        FieldDecision priority,
        List<String> modelsUsed,
        String rationale,
        String promptVersion,
        Integer promptTokens,
        Integer completionTokens,
        Double costUsd,
        Signals signals,
        Draft draft) {

    public Decision {
        signals = signals == null ? Signals.NONE : signals;
    }

    /** Every field applied as classified, with no language model involved (tests, tools). */
    public static Decision applied(Classification classification) {
        return new Decision(
                classification,
                new FieldDecision(
                        classification.category(),
                        classification.categoryConfidence(),
                        classification.model(),
                        FieldOutcome.APPLIED),
                new FieldDecision(
                        classification.priority().name(),
                        classification.priorityConfidence(),
                        classification.model(),
                        FieldOutcome.APPLIED),
                List.of(classification.model()),
                null,
                null,
                null,
                null,
                null,
                Signals.NONE,
                null);
    }

    /** The ticket's language, or {@code null} when unknown. */
    public String language() {
        return signals.language().value();
    }

    public String sentiment() {
        return signals.sentiment().value();
    }

    /** What the {@code ticket.triaged} event says about this triage. */
    public TriageOutcome outcome() {
        return new TriageOutcome(
                result.category(),
                result.categoryConfidence(),
                result.priority(),
                result.priorityConfidence(),
                result.summary(),
                result.model(),
                result.source(),
                sentiment(),
                language());
    }

    /** The category to put on the ticket, or {@code null} when it was only suggested or abstained. */
    public String appliedCategory() {
        return category.isApplied() ? category.value() : null;
    }

    public Priority appliedPriority() {
        return priority.isApplied() ? Priority.valueOf(priority.value()) : null;
    }

    /** The {@code triage.field_outcomes} document. */
    public JsonObject fieldOutcomes() {
        JsonObject outcomes = new JsonObject()
                .put("category", category.toJson())
                .put("priority", priority.toJson())
                .put("sentiment", signals.sentiment().toJson())
                .put("language", signals.language().toJson())
                .put("models_used", new JsonArray(List.copyOf(modelsUsed)));
        if (draft != null) {
            outcomes.put("draft_reply", draft.toJson());
        }
        return outcomes;
    }
}
