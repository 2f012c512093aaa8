package io.triage.worker.classifier;

/** What a classifier may read of a ticket. The body is personal data: never log it. */
public record TicketText(String subject, String body) {

    public TicketText {
        subject = subject == null ? "" : subject;
        body = body == null ? "" : body;
    }

    @Override
    public String toString() {
        // Keeps ticket text out of logs and exception messages that print this record.
        return "TicketText[subject=" + subject.length() + " chars, body=" + body.length() + " chars]";
    }
}
