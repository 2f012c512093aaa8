-- Free-form key/value context a submitting system attaches to a ticket (order id, plan, region...).
ALTER TABLE ticket ADD COLUMN metadata jsonb NOT NULL DEFAULT '{}'::jsonb;
