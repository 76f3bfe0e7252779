-- PostgreSQL only: the watcher looks every 30 s for counting clocks whose alerts lag behind (SlaBoard.due).
-- Clocks long breached and already alerted are most of the counting ones on a big desk: these partial
-- indexes hold only those still to alert, so a scan reads a handful of entries, not every breached clock.
CREATE INDEX sla_clocks_due_breach_idx ON sla_clocks (deadline)
    WHERE counting AND (alerted IS NULL OR alerted <> 'BREACHED');
CREATE INDEX sla_clocks_due_risk_idx ON sla_clocks (at_risk_at)
    WHERE counting AND alerted IS NULL AND open_since IS NOT NULL;

-- A rebuild of every ticket's clocks (desk sla rebuild, a plan change) reads the history entries clocks are made
-- of, ticket range after ticket range: this covering partial index holds exactly those (state transitions,
-- priorities set) with what the clocks read of them, so that the read is an index-only scan in ticket order.
CREATE INDEX ticket_events_clock_idx ON ticket_events (ticket_number, id) INCLUDE (occurred_at, field, after_value)
    WHERE (field = 'PRIORITY' AND after_value IS NOT NULL) OR (action = 'TRANSITIONED' AND field = 'STATE');
