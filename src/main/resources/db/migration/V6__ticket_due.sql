-- The earliest deadline of a ticket's counting SLA clocks, written by the sla module, so that lists can
-- be ordered "most urgent first" with keyset paging on (due_at, number). NULL: nothing is due.
ALTER TABLE tickets ADD COLUMN due_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX tickets_due_idx ON tickets (due_at, number);
