-- Remembers which ticket a client's retry key produced, so a retried POST returns that ticket instead of a copy.
-- The primary key serialises concurrent duplicates: the second insert waits for the first transaction and then
-- finds its row.
CREATE TABLE idempotency_key (
    client_id    varchar(200) NOT NULL,
    key          varchar(300) NOT NULL,
    request_hash char(64)     NOT NULL,
    ticket_id    uuid         NOT NULL REFERENCES ticket (id) DEFERRABLE INITIALLY DEFERRED,
    created_at   timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (client_id, key)
);

CREATE UNIQUE INDEX ticket_client_external_ref_idx ON ticket (client_id, external_ref) WHERE external_ref IS NOT NULL;
