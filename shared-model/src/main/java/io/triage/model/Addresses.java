package io.triage.model;

/**
 * AMQP addresses and the messaging channel names bound to them. Every service refers to these constants so a
 * rename is a compile error, not a silent split of the event stream.
 */
public final class Addresses {

    /** Anycast work queue: one triage worker handles each request (competing consumers). */
    public static final String TRIAGE_REQUESTS = "triage-requests";

    /** Where Artemis dead-letters a triage request after the maximum delivery attempts. */
    public static final String TRIAGE_REQUESTS_DLQ = "triage-requests.DLQ";

    /** Multicast address: every subscriber (each gateway replica) receives every ticket event. */
    public static final String TICKET_EVENTS = "ticket-events";

    /** AMQP application property carrying {@link TicketEvent#type()} so consumers can route before parsing. */
    public static final String TYPE_PROPERTY = "type";

    /** AMQP application property carrying the event's schema version. */
    public static final String SCHEMA_VERSION_PROPERTY = "schemaVersion";

    private Addresses() {}
}
