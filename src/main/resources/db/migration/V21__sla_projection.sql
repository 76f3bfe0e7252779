-- The SLA projection (issue 15): each clock's figures as its history gives them, written in the transaction
-- of the history entry that changes them, so that reads evaluate the clock at "now" from these columns
-- instead of replaying the history. The existing columns keep their meaning: the clock as it was at
-- computed_at (state, counting, deadline, at_risk_at), now advanced by the watcher when a threshold passes.
ALTER TABLE sla_clocks ADD COLUMN target VARCHAR(40);
ALTER TABLE sla_clocks ADD COLUMN target_minutes BIGINT;
ALTER TABLE sla_clocks ADD COLUMN started_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE sla_clocks ADD COLUMN stopped_at TIMESTAMP WITH TIME ZONE;
-- start of the segment counting now (null unless running); paused: in WAITING
ALTER TABLE sla_clocks ADD COLUMN open_since TIMESTAMP WITH TIME ZONE;
ALTER TABLE sla_clocks ADD COLUMN paused BOOLEAN DEFAULT FALSE NOT NULL;
-- business minutes of the finished segments, and how many there are
ALTER TABLE sla_clocks ADD COLUMN counted_minutes BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE sla_clocks ADD COLUMN segments INT DEFAULT 0 NOT NULL;
-- at computed_at: past the at-risk threshold, business minutes elapsed, percentage of the target used
ALTER TABLE sla_clocks ADD COLUMN at_risk BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE sla_clocks ADD COLUMN elapsed_minutes BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE sla_clocks ADD COLUMN percent_used INT;
-- the last history change the figures were computed from: they hold from then on (null: not computed yet)
ALTER TABLE sla_clocks ADD COLUMN history_at TIMESTAMP WITH TIME ZONE;
-- the alerts the watcher raised for the current deadline (AT_RISK, BREACHED; null: none yet)
ALTER TABLE sla_clocks ADD COLUMN alerted VARCHAR(10);

-- The plan (calendars, SLA targets, release windows) the projection was last rebuilt for: at start-up a
-- different fingerprint rebuilds every ticket's clocks. Null: never rebuilt (rows written before V21).
CREATE TABLE sla_projection (
    id               INT                      NOT NULL PRIMARY KEY,
    plan_fingerprint VARCHAR(64),
    rebuilt_at       TIMESTAMP WITH TIME ZONE
);
INSERT INTO sla_projection (id, plan_fingerprint, rebuilt_at) VALUES (1, NULL, NULL);
