package io.triage.worker.classifier;

import io.triage.worker.common.SafeMessage;

/** Every category is deactivated, so no ticket can be classified until an admin activates one. */
public class NoActiveCategoryException extends RuntimeException implements SafeMessage {

    public NoActiveCategoryException() {
        super("No active category to classify into");
    }
}
