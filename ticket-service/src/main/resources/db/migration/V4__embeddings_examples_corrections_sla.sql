-- Learning from history and from agents, and SLA due times. Contract between ticket-service (owner, writes
-- imports and corrections) and triage-worker (writes embeddings and triage details): see docs/architecture.md.

-- Sentence embeddings of "subject\n\nbody" (384 dimensions), written by the triage worker at triage time.
ALTER TABLE ticket
    ADD COLUMN embedding             vector(384),
    ADD COLUMN embedding_model       varchar(100),
    ADD COLUMN assignee              varchar(200),
    ADD COLUMN first_response_due_at timestamptz,
    ADD COLUMN resolution_due_at     timestamptz,
    ADD COLUMN first_responded_at    timestamptz,
    ADD COLUMN resolved_at           timestamptz;

CREATE INDEX ticket_embedding_hnsw_idx ON ticket USING hnsw (embedding vector_cosine_ops);

-- Labelled examples the local model learns from: imported history and agents' corrections.
-- The worker embeds rows whose embedding is still null; a correction copies its ticket's embedding when there
-- is one, so it counts for the very next triage.
CREATE TABLE training_example (
    id              uuid         PRIMARY KEY,
    text            text         NOT NULL,
    category        varchar(100),
    priority        varchar(16),
    source          varchar(16)  NOT NULL CHECK (source IN ('import', 'correction')),
    ticket_id       uuid         REFERENCES ticket (id),
    import_id       uuid,
    embedding       vector(384),
    embedding_model varchar(100),
    created_at      timestamptz  NOT NULL DEFAULT now()
);

CREATE INDEX training_example_embedding_hnsw_idx ON training_example USING hnsw (embedding vector_cosine_ops);
CREATE INDEX training_example_unembedded_idx ON training_example (created_at) WHERE embedding IS NULL;
CREATE UNIQUE INDEX training_example_correction_idx ON training_example (ticket_id) WHERE source = 'correction';

-- Every override of an AI value by an agent: the training signal, and the accuracy measure per category.
CREATE TABLE correction (
    id          uuid         PRIMARY KEY,
    ticket_id   uuid         NOT NULL REFERENCES ticket (id),
    field       varchar(32)  NOT NULL,
    ai_value    varchar(100),
    agent_value varchar(100),
    agent       varchar(200) NOT NULL,
    created_at  timestamptz  NOT NULL DEFAULT now()
);

CREATE INDEX correction_ticket_idx ON correction (ticket_id);

-- What each triage did, for audit, cost and the "why" shown to agents.
ALTER TABLE triage
    ADD COLUMN rationale         text,
    ADD COLUMN sentiment         varchar(16),
    ADD COLUMN language          varchar(16),
    ADD COLUMN prompt_version    varchar(32),
    ADD COLUMN field_outcomes    jsonb,
    ADD COLUMN neighbours        jsonb,
    ADD COLUMN prompt_tokens     integer,
    ADD COLUMN completion_tokens integer,
    ADD COLUMN cost_usd          numeric(12, 6);

-- SLA targets per priority; a ticket's due times follow from its priority and creation time.
CREATE TABLE priority_policy (
    priority               varchar(16) PRIMARY KEY,
    first_response_minutes integer     NOT NULL CHECK (first_response_minutes > 0),
    resolution_minutes     integer     NOT NULL CHECK (resolution_minutes > 0),
    updated_at             timestamptz NOT NULL DEFAULT now()
);

INSERT INTO priority_policy (priority, first_response_minutes, resolution_minutes) VALUES
    ('URGENT', 30, 240),
    ('HIGH', 120, 1440),
    ('MEDIUM', 480, 4320),
    ('LOW', 1440, 10080);

-- Whoever sets the priority (worker or agent), the due times stay consistent with the policy in force then.
CREATE FUNCTION ticket_sla_due() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    policy priority_policy%ROWTYPE;
BEGIN
    IF NEW.priority IS NULL THEN
        NEW.first_response_due_at := NULL;
        NEW.resolution_due_at := NULL;
    ELSIF TG_OP = 'INSERT' OR NEW.priority IS DISTINCT FROM OLD.priority THEN
        SELECT * INTO policy FROM priority_policy WHERE priority = NEW.priority;
        IF FOUND THEN
            NEW.first_response_due_at := NEW.created_at + make_interval(mins => policy.first_response_minutes);
            NEW.resolution_due_at := NEW.created_at + make_interval(mins => policy.resolution_minutes);
        END IF;
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER ticket_sla_due
    BEFORE INSERT OR UPDATE OF priority ON ticket
    FOR EACH ROW EXECUTE FUNCTION ticket_sla_due();

-- Queue order is most urgent first; the enum's names do not sort that way, so the rank is stored with the row.
ALTER TABLE ticket
    ADD COLUMN priority_rank smallint GENERATED ALWAYS AS (
        CASE priority WHEN 'URGENT' THEN 0 WHEN 'HIGH' THEN 1 WHEN 'MEDIUM' THEN 2 WHEN 'LOW' THEN 3 ELSE 4 END) STORED;

CREATE INDEX ticket_queue_idx ON ticket (priority_rank, first_response_due_at, id);
