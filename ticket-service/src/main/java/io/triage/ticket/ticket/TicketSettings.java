package io.triage.ticket.ticket;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How tickets are listed and how their SLA state is judged. */
@ConfigMapping(prefix = "tickets")
public interface TicketSettings {

    /** A ticket is "due soon" when its first response is due within this window and nobody has replied yet. */
    @WithDefault("1H")
    Duration dueSoonWindow();

    /** Page size of the ticket list when the client does not ask for one. */
    @WithDefault("50")
    int defaultPageSize();

    /** Largest JSON request body in bytes (by Content-Length), a ticket being the largest; 413 before parsing. */
    @WithDefault("131072")
    long maxRequestSize();
}
