package io.triage.ticket.ticket;

import io.triage.ticket.problem.Problem;
import io.triage.ticket.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * The position after the last ticket of a page: the sort key of that ticket. Keyset positions stay valid while
 * tickets arrive, where an offset would shift. Opaque to clients (base64url), so its format may change.
 *
 * @param rank priority rank ({@link io.triage.model.Priority} ordinal, 4 without a priority), for {@code URGENT}
 * @param instant first-response due time for {@code URGENT} (null when none), creation time for {@code NEWEST}
 */
public record Cursor(TicketSort sort, int rank, Instant instant, UUID id) {

    private static final String VERSION = "1";

    static Cursor after(TicketSort sort, Ticket last) {
        return sort == TicketSort.NEWEST
                ? new Cursor(sort, 0, last.createdAt, last.id)
                : new Cursor(sort, rank(last), last.firstResponseDueAt, last.id);
    }

    /** Mirrors the generated column {@code ticket.priority_rank}. */
    static int rank(Ticket ticket) {
        return ticket.priority == null ? 4 : ticket.priority.ordinal();
    }

    public String encode() {
        String raw = String.join(
                "|", VERSION, sort.name(), String.valueOf(rank), instant == null ? "" : micros(instant), id.toString());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** @throws ProblemException 400 when the text is not a cursor this service issued for {@code sort} */
    public static Cursor decode(String text, TicketSort sort) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
            String[] parts = raw.split("\\|", -1);
            if (parts.length != 5 || !VERSION.equals(parts[0]) || !sort.name().equals(parts[1])) {
                throw invalid();
            }
            Instant instant = parts[3].isEmpty() ? null : fromMicros(Long.parseLong(parts[3]));
            if (instant == null && sort == TicketSort.NEWEST) {
                throw invalid();
            }
            return new Cursor(sort, Integer.parseInt(parts[2]), instant, UUID.fromString(parts[4]));
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    private static String micros(Instant instant) {
        return String.valueOf(ChronoUnit.MICROS.between(Instant.EPOCH, instant));
    }

    private static Instant fromMicros(long micros) {
        return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
    }

    private static ProblemException invalid() {
        return new ProblemException(
                400,
                "validation",
                "Invalid request",
                "The cursor is not one this list issued; start again without it.",
                List.of(new Problem.FieldError("cursor", "not a cursor of this list and sort")));
    }
}
