package io.triage.gateway.messaging;

/**
 * An incoming message that is not a readable ticket event. The message says what is wrong without quoting the
 * body: events carry ticket subjects, which must not end up in logs.
 */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String reason) {
        super(reason, null, false, false);
    }
}
