package io.triage.gateway.subscription;

/**
 * A client message the gateway cannot act on. The detail says what is wrong, never what was sent: it goes back to
 * the client and into debug logs, and client text is not to be echoed.
 */
public class InvalidClientMessageException extends RuntimeException {

    private final String error;

    public InvalidClientMessageException(String error, String detail) {
        super(detail, null, false, false);
        this.error = error;
    }

    /** The machine-readable error code of the protocol's {@code error} message. */
    public String error() {
        return error;
    }
}
