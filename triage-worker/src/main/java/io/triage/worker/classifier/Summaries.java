package io.triage.worker.classifier;

import io.triage.worker.common.PlainText;
import java.util.regex.Pattern;

/** One-line summaries built from the first sentence of the subject and of the body. */
final class Summaries {

    static final int MAX_LENGTH = 160;

    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+|\\R");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private Summaries() {}

    static String summarize(TicketText ticket) {
        String subject = firstSentence(ticket.subject());
        String body = firstSentence(ticket.body());
        String summary;
        if (subject.isEmpty()) {
            summary = body;
        } else if (body.isEmpty() || body.equalsIgnoreCase(subject)) {
            summary = subject;
        } else {
            summary = subject + " \u2014 " + body;
        }
        // Ticket text is shown as plain text: invisible and control characters go, as from the language model.
        return truncate(PlainText.line(summary, Integer.MAX_VALUE), MAX_LENGTH);
    }

    static String truncate(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        String cut = text.substring(0, max - 1);
        int lastSpace = cut.lastIndexOf(' ');
        // Cut at a word boundary unless that would throw away most of the text.
        if (lastSpace > max / 2) {
            cut = cut.substring(0, lastSpace);
        }
        return cut.stripTrailing() + "\u2026";
    }

    private static String firstSentence(String text) {
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            return "";
        }
        String first = SENTENCE_END.split(trimmed, 2)[0];
        return WHITESPACE.matcher(first).replaceAll(" ").strip();
    }
}
