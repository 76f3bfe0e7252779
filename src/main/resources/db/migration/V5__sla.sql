-- SLA clocks as last computed from each ticket's history: the watcher scans only counting clocks
-- whose at-risk or breach instant has come, through these indexes, instead of every ticket.
CREATE TABLE sla_clocks (
    ticket_number BIGINT                   NOT NULL REFERENCES tickets (number),
    clock         VARCHAR(12)              NOT NULL,
    state         VARCHAR(10)              NOT NULL,
    counting      BOOLEAN                  NOT NULL,
    priority      VARCHAR(2),
    deadline      TIMESTAMP WITH TIME ZONE,
    at_risk_at    TIMESTAMP WITH TIME ZONE,
    computed_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (ticket_number, clock)
);
CREATE INDEX sla_clocks_deadline_idx ON sla_clocks (counting, deadline);
CREATE INDEX sla_clocks_at_risk_idx ON sla_clocks (counting, at_risk_at);

-- One row per alert raised: the primary key makes "exactly once per clock, threshold and deadline"
-- hold with several instances watching at the same time and across restarts.
CREATE TABLE sla_alerts (
    ticket_number BIGINT                   NOT NULL REFERENCES tickets (number),
    clock         VARCHAR(12)              NOT NULL,
    kind          VARCHAR(10)              NOT NULL,
    deadline      TIMESTAMP WITH TIME ZONE NOT NULL,
    raised_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (ticket_number, clock, kind, deadline)
);

-- Notifications already sent, so a redelivered event sends nothing twice.
CREATE TABLE notifications_sent (
    notification_key VARCHAR(300)             NOT NULL PRIMARY KEY,
    sent_at          TIMESTAMP WITH TIME ZONE NOT NULL
);
