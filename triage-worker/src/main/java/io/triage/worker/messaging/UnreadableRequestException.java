package io.triage.worker.messaging;

import io.triage.worker.common.SafeMessage;

/** A delivery that is not a readable triage request; no redelivery can fix it, the broker dead-letters it. */
public class UnreadableRequestException extends RuntimeException implements SafeMessage {

    public UnreadableRequestException(String message) {
        super(message);
    }
}
