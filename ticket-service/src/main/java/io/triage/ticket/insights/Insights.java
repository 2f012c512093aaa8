package io.triage.ticket.insights;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * How triage performs over a window of time, for the dashboard. Counts are by the moment each thing happened
 * (ticket created, triaged, reply sent) inside {@code [from, to)}.
 */
public record Insights(
        Instant from,
        Instant to,
        List<DayVolume> volume,
        TimeToTriage timeToTriage,
        TriagedBy triagedBy,
        List<CategoryAccuracy> accuracyByCategory,
        LlmUsage llm,
        Drafts drafts) {

    /** One UTC day of the window; every day is present, oldest first. */
    public record DayVolume(LocalDate day, long created, long triaged, long triageFailed) {}

    /** From a ticket's creation to its triage; the percentiles are {@code null} when {@code count} is 0. */
    public record TimeToTriage(long count, Long p50Ms, Long p90Ms, Long p99Ms) {}

    /**
     * Triaged tickets by who decided, each counted once: {@code human} when an agent corrected the category or
     * priority afterwards, else {@code abstained} when no category was applied, else the source of the latest
     * triage.
     */
    public record TriagedBy(long localModel, long llm, long human, long abstained) {}

    /** The AI's applied category against agents' corrections of it: {@code 1 - corrected / triaged}. */
    public record CategoryAccuracy(String category, long triaged, long corrected, double accuracy) {}

    public record LlmUsage(long calls, long promptTokens, long completionTokens, double estimatedCostUsd) {}

    /**
     * Drafted replies and what agents did with them; replies count only on tickets that had a draft.
     * {@code acceptanceRate} is {@code (sentUnchanged + sentEdited) / repliesSent}, {@code null} without replies.
     */
    public record Drafts(
            long drafted,
            long repliesSent,
            long sentUnchanged,
            long sentEdited,
            long writtenFromScratch,
            Double acceptanceRate) {}
}
