-- The preventive calendar (plan section 11). When each action's calendar started: its first run records
-- the day it ran for, and only the period in progress that day and later ones are opened.
CREATE TABLE preventive_actions (
    action_key VARCHAR(60) NOT NULL PRIMARY KEY,
    started_on DATE        NOT NULL
);

-- One row per action and period: the primary key is what makes "one ticket per period" hold with several
-- instances generating at once and across restarts (a generator claims the row before opening the ticket,
-- in the same transaction). The alert columns record that each alert was raised, once.
CREATE TABLE preventive_occurrences (
    action_key        VARCHAR(60)              NOT NULL,
    period            VARCHAR(20)              NOT NULL,
    occurs_on         DATE                     NOT NULL,
    ticket_number     BIGINT REFERENCES tickets (number),
    opened_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    due_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    at_risk_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    done_at           TIMESTAMP WITH TIME ZONE,
    at_risk_raised_at TIMESTAMP WITH TIME ZONE,
    overdue_raised_at TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (action_key, period)
);
CREATE UNIQUE INDEX preventive_occurrences_ticket_idx ON preventive_occurrences (ticket_number);
CREATE INDEX preventive_occurrences_due_idx ON preventive_occurrences (done_at, due_at);

-- What was done, recorded before closing (the restore test's verify report and measured restore time).
CREATE TABLE preventive_evidence (
    action_key      VARCHAR(60)              NOT NULL,
    period          VARCHAR(20)              NOT NULL,
    report          TEXT                     NOT NULL,
    restore_minutes INT,
    recorded_by     VARCHAR(100)             NOT NULL,
    recorded_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (action_key, period),
    FOREIGN KEY (action_key, period) REFERENCES preventive_occurrences (action_key, period)
);
