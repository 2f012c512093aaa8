package io.triage.worker.cascade;

import java.util.Locale;

/** What the cascade did with one field's value. */
public enum FieldOutcome {
    /** Confident enough: the value is on the ticket. */
    APPLIED,
    /** Shown to the agent as a suggestion; the ticket's field stays empty. */
    SUGGESTED,
    /** Too unsure to suggest: the ticket waits for a human decision (needs-human view). */
    ABSTAINED;

    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
