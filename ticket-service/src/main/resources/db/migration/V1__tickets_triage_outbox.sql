-- Schema owned by ticket-service. The triage worker writes triage results into these tables too, so changes
-- here are contract changes: see docs/architecture.md.
-- The pgvector extension is created by provisioning (it needs a superuser), not here.

CREATE TABLE category (
    name        varchar(100) PRIMARY KEY,
    description text         NOT NULL,
    team        varchar(100) NOT NULL,
    active      boolean      NOT NULL DEFAULT true
);

CREATE TABLE ticket (
    id              uuid         PRIMARY KEY,
    subject         varchar(200) NOT NULL,
    body            text         NOT NULL,
    requester_name  varchar(200),
    requester_email varchar(320) NOT NULL,
    channel         varchar(16)  NOT NULL,
    external_ref    varchar(200),
    language        varchar(16),
    client_id       varchar(200) NOT NULL,
    status          varchar(32)  NOT NULL,
    category        varchar(100),
    priority        varchar(16),
    team            varchar(100),
    summary         text,
    version         bigint       NOT NULL DEFAULT 0,
    created_at      timestamptz  NOT NULL,
    updated_at      timestamptz  NOT NULL,
    triaged_at      timestamptz
);

CREATE INDEX ticket_status_created_idx ON ticket (status, created_at);

-- One row per triage applied to a ticket; the latest is the ticket's current triage.
CREATE TABLE triage (
    id                  uuid             PRIMARY KEY,
    ticket_id           uuid             NOT NULL REFERENCES ticket (id),
    request_event_id    uuid             NOT NULL,
    category            varchar(100),
    category_confidence double precision,
    priority            varchar(16),
    priority_confidence double precision,
    summary             text,
    draft_reply         text,
    model               varchar(200)     NOT NULL,
    source              varchar(16)      NOT NULL,
    latency_ms          integer          NOT NULL,
    created_at          timestamptz      NOT NULL
);

CREATE INDEX triage_ticket_idx ON triage (ticket_id, created_at);

-- Transactional outbox: every state change inserts its event here in the same transaction as the change;
-- ticket-service's relay publishes the rows to AMQP and stamps published_at.
CREATE TABLE outbox_event (
    seq          bigserial    PRIMARY KEY,
    event_id     uuid         NOT NULL,
    address      varchar(100) NOT NULL,
    type         varchar(64)  NOT NULL,
    ticket_id    uuid         NOT NULL,
    payload      jsonb        NOT NULL,
    created_at   timestamptz  NOT NULL DEFAULT now(),
    published_at timestamptz,
    attempts     integer      NOT NULL DEFAULT 0,
    last_error   text,
    UNIQUE (event_id, address)
);

CREATE INDEX outbox_event_unpublished_idx ON outbox_event (seq) WHERE published_at IS NULL;

-- Wakes the relay at commit time so events leave within milliseconds instead of at the next poll.
CREATE FUNCTION outbox_event_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('outbox_event', '');
    RETURN NULL;
END
$$;

CREATE TRIGGER outbox_event_notify
    AFTER INSERT ON outbox_event
    FOR EACH STATEMENT EXECUTE FUNCTION outbox_event_notify();

-- A starting taxonomy; admins change it through the API.
INSERT INTO category (name, description, team) VALUES
    ('billing', 'Payments, invoices, refunds, charges, card declined, subscription price or plan changes', 'payments'),
    ('account-access', 'Login problems, password reset, two-factor authentication, locked or suspended accounts', 'identity'),
    ('technical-issue', 'Errors, crashes, outages, slow pages, bugs, something not working or broken in the product', 'platform'),
    ('shipping', 'Delivery, parcel tracking, lost or late orders, returns and exchanges of physical goods', 'logistics'),
    ('general', 'Questions, feedback and requests that fit no other category', 'support');
