package io.triage.worker.common;

import io.vertx.pgclient.PgException;
import java.util.Set;

/**
 * Describes failures for logs and for the {@code reason} of a TicketTriageFailed event without leaking ticket text:
 * many exception messages quote their input (a JSON parser quotes the model's answer, which quotes the ticket), so
 * only messages of exceptions known to be free of it are kept.
 */
public final class Failures {

    private static final int MAX_LENGTH = 300;

    /** Library exceptions whose messages carry no request data. */
    private static final Set<String> SAFE_MESSAGES = Set.of(
            "org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException",
            "org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException",
            "java.util.concurrent.TimeoutException",
            "java.net.ConnectException");

    private Failures() {}

    public static String describe(Throwable failure) {
        StringBuilder text = new StringBuilder(one(failure));
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root != failure) {
            text.append(" caused by ").append(one(root));
        }
        return text.length() <= MAX_LENGTH ? text.toString() : text.substring(0, MAX_LENGTH - 1) + "\u2026";
    }

    private static String one(Throwable failure) {
        if (failure instanceof PgException pg) {
            // The detail field may quote row values (ticket text); the error message and SQL state do not.
            return "database error " + pg.getSqlState() + ": " + pg.getErrorMessage();
        }
        String name = failure.getClass().getSimpleName();
        boolean safe = failure instanceof SafeMessage
                || SAFE_MESSAGES.contains(failure.getClass().getName());
        if (safe && failure.getMessage() != null) {
            return name + ": " + failure.getMessage();
        }
        return name;
    }
}
