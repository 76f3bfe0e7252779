-- A state and priority filter (the API's ?state=…&priority=…, the list page's filters) walked the newest-first
-- index of one column and skipped the rows of other values: thousands of rows read for a page of 50 when the
-- pair is rare. With both columns leading, a page reads its own rows only.
CREATE INDEX tickets_state_priority_idx ON tickets (state, priority, number);
