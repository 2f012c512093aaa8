package io.triage.worker.llm;

import io.triage.worker.common.SafeMessage;

/** The language model answered, but with something the worker must not store. Retrying the same prompt rarely helps. */
public class InvalidLlmAnswerException extends RuntimeException implements SafeMessage {

    public InvalidLlmAnswerException(String message) {
        super(message);
    }
}
