-- One row per upload of labelled history (POST /api/admin/imports): what came in, what was kept, and why rows
-- were refused, so an admin can fix the file and retry. Written in the same transaction as the imported rows.
CREATE TABLE import_job (
    id                 uuid         PRIMARY KEY,
    format             varchar(16)  NOT NULL,
    created_by         varchar(200) NOT NULL,
    created_at         timestamptz  NOT NULL,
    finished_at        timestamptz  NOT NULL,
    rows_read          integer      NOT NULL,
    rows_imported      integer      NOT NULL,
    rows_rejected      integer      NOT NULL,
    categories_created jsonb        NOT NULL DEFAULT '[]',
    -- The first errors only (see imports.max-reported-errors); rows_rejected has the full count.
    errors             jsonb        NOT NULL DEFAULT '[]'
);

CREATE INDEX import_job_created_idx ON import_job (created_at DESC);
CREATE INDEX training_example_import_idx ON training_example (import_id) WHERE import_id IS NOT NULL;
