-- The sweeper looks up each pending ticket's triage requests.
CREATE INDEX outbox_event_ticket_type_idx ON outbox_event (ticket_id, type);
