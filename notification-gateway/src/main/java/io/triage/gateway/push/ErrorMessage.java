package io.triage.gateway.push;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The answer to a client message the gateway cannot act on; the connection and its subscription stay as they were. */
@RegisterForReflection
public record ErrorMessage(int v, String type, String error, String detail) {

    public static ErrorMessage of(String error, String detail) {
        return new ErrorMessage(Protocol.VERSION, Protocol.ERROR, error, detail);
    }
}
