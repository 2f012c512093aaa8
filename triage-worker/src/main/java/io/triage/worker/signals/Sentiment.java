package io.triage.worker.signals;

import java.util.Locale;
import java.util.Optional;

/** The customer's tone, as stored in {@code triage.sentiment}. */
public enum Sentiment {
    NEGATIVE,
    NEUTRAL,
    POSITIVE;

    /** The stored and published form. */
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The value for a name in any case, or empty when it is not one of the three. */
    public static Optional<Sentiment> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        for (Sentiment sentiment : values()) {
            if (sentiment.name().equalsIgnoreCase(value.strip())) {
                return Optional.of(sentiment);
            }
        }
        return Optional.empty();
    }
}
