-- PostgreSQL only: the watcher looks every 30 s for counting clocks whose alerts lag behind (SlaBoard.due).
-- Clocks long breached and already alerted are most of the counting ones on a big desk: these partial
-- indexes hold only those still to alert, so a scan reads a handful of entries, not every breached clock.
CREATE INDEX sla_clocks_due_breach_idx ON sla_clocks (deadline)
    WHERE counting AND (alerted IS NULL OR alerted <> 'BREACHED');
CREATE INDEX sla_clocks_due_risk_idx ON sla_clocks (at_risk_at)
    WHERE counting AND alerted IS NULL AND open_since IS NOT NULL;
