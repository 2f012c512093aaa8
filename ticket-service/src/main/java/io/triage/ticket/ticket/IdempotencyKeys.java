package io.triage.ticket.ticket;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/**
 * Claims retry keys inside the intake transaction. The insert either claims the key for the new ticket or, when
 * another request holds it, waits for that request's transaction and then returns what it stored: concurrent
 * duplicates therefore resolve to exactly one ticket.
 */
@ApplicationScoped
public class IdempotencyKeys {

    private static final String CLAIM = """
            INSERT INTO idempotency_key (client_id, key, request_hash, ticket_id)
            VALUES (:client, :key, :hash, :ticket)
            ON CONFLICT DO NOTHING""";
    private static final String EXISTING =
            "SELECT request_hash, ticket_id FROM idempotency_key WHERE client_id = :client AND key = :key";

    /** @param ticketId the ticket this request will create if the key is new */
    public Uni<Claim> claim(String clientId, String key, String requestHash, UUID ticketId) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(CLAIM)
                        .setParameter("client", clientId)
                        .setParameter("key", key)
                        .setParameter("hash", requestHash)
                        .setParameter("ticket", ticketId)
                        .executeUpdate()
                        .chain(inserted -> inserted == 1
                                ? Uni.createFrom().item(new Claim(ticketId, requestHash, true))
                                : session.createNativeQuery(EXISTING, Object[].class)
                                        .setParameter("client", clientId)
                                        .setParameter("key", key)
                                        .getResultList()
                                        .map(IdempotencyKeys::existing)));
    }

    private static Claim existing(List<Object[]> rows) {
        Object[] row = rows.get(0);
        return new Claim((UUID) row[1], ((String) row[0]).trim(), false);
    }

    /**
     * @param fresh true when this request claimed the key and must create {@code ticketId}; false when an earlier
     *     request did, and {@code requestHash} is what that request sent
     */
    public record Claim(UUID ticketId, String requestHash, boolean fresh) {}
}
