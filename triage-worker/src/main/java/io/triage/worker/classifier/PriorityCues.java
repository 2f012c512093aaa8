package io.triage.worker.classifier;

import io.triage.model.Priority;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Guesses a priority from urgency cues in the ticket text. The most urgent level with any cue wins: wrongly
 * escalating a ticket costs an agent a minute, wrongly burying an outage costs customers hours. Negations ("not
 * urgent") are not understood; that is a known limit of this model.
 */
final class PriorityCues {

    /** Confidence reported when no cue is found and the priority is the default. */
    static final double NO_CUE_CONFIDENCE = 0.4;

    private static final Map<Priority, List<Pattern>> CUES = new EnumMap<>(Map.of(
            Priority.URGENT,
            patterns(
                    "outage",
                    "(is|are|went|goes|been) down",
                    "down for (everyone|all)",
                    "urgent(ly)?",
                    "emergency",
                    "asap",
                    "security",
                    "breach(ed)?",
                    "hack(ed|er)?",
                    "compromised",
                    "data loss",
                    "fraud(ulent)?"),
            Priority.HIGH,
            patterns(
                    "(cannot|can't|can not|unable to|could not|couldn't) (log ?in|sign ?in|access)",
                    "locked out",
                    "not working",
                    "(doesn't|does not|won't|will not) work",
                    "broken",
                    "crash(es|ed|ing)?",
                    "errors?",
                    "refund(s|ed)?",
                    "charged twice",
                    "double charged",
                    "(card|payment) (was )?declined",
                    "payment failed",
                    "failed payment",
                    "lost (parcel|package|order)"),
            Priority.LOW,
            patterns(
                    "question",
                    "feedback",
                    "suggestions?",
                    "feature request",
                    "how (do|can) i",
                    "wondering",
                    "would like to know",
                    "thanks?( you)?")));

    private static final List<Priority> MOST_URGENT_FIRST = List.of(Priority.URGENT, Priority.HIGH, Priority.LOW);

    private PriorityCues() {}

    static Guess guess(TicketText ticket) {
        String text = normalise(ticket.subject() + "\n" + ticket.body());
        Map<Priority, Integer> hits = new EnumMap<>(Priority.class);
        int total = 0;
        for (Map.Entry<Priority, List<Pattern>> level : CUES.entrySet()) {
            int count = (int) level.getValue().stream()
                    .filter(p -> p.matcher(text).find())
                    .count();
            hits.put(level.getKey(), count);
            total += count;
        }
        for (Priority priority : MOST_URGENT_FIRST) {
            int own = hits.get(priority);
            if (own > 0) {
                int competing = total - own;
                // 0.5 for a single uncontested cue's coin flip, rising towards 0.95 with more agreeing cues.
                return new Guess(priority, 0.5 + 0.45 * own / (own + competing + 1.0));
            }
        }
        return new Guess(Priority.MEDIUM, NO_CUE_CONFIDENCE);
    }

    private static String normalise(String text) {
        return text.toLowerCase(Locale.ROOT).replace('\u2019', '\'').replaceAll("\\s+", " ");
    }

    private static List<Pattern> patterns(String... cues) {
        return Arrays.stream(cues)
                .map(cue -> Pattern.compile("\\b" + cue + "\\b"))
                .toList();
    }

    record Guess(Priority priority, double confidence) {}
}
