-- Imports report progress while they run: the job row is written when the upload starts (RUNNING) and updated as
-- batches go in, outside the import's own transaction, so an admin can watch it. The imported rows themselves
-- still commit all at once with the final report (COMPLETED); a failed or abandoned upload leaves no rows (FAILED,
-- with the reason in error).
ALTER TABLE import_job
    ADD COLUMN status     varchar(16) NOT NULL DEFAULT 'COMPLETED'
        CHECK (status IN ('RUNNING', 'COMPLETED', 'FAILED')),
    ADD COLUMN error      text,
    ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now(),
    ALTER COLUMN finished_at DROP NOT NULL;

-- GET /api/insights reads a window of days: each of its queries is a range scan on one of these.
CREATE INDEX ticket_triaged_at_idx ON ticket (triaged_at) WHERE triaged_at IS NOT NULL;
CREATE INDEX triage_created_idx ON triage (created_at);
CREATE INDEX reply_created_idx ON reply (created_at);
CREATE INDEX outbox_event_triage_failed_idx ON outbox_event (created_at) WHERE type = 'ticket.triage-failed';
