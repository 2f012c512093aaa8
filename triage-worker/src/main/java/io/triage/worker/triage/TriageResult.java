package io.triage.worker.triage;

/** What handling one triage request did to its ticket. */
public enum TriageResult {
    /** The ticket was pending and is now triaged. */
    TRIAGED,
    /** Nothing to do: the ticket is gone, already triaged, or changed by an agent in the meantime. */
    SKIPPED,
    /** Triage was given up and the ticket marked TRIAGE_FAILED for a human. */
    FAILED
}
