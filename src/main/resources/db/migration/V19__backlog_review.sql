-- The monthly backlog review (issue 13, plan §9). Scores are the ticket's current ones (one row per ticket,
-- either value may still be missing); a review is one month's minutes: when it was held, who attended, the
-- decision per ticket, the preventive ticket that asked for it, and the ordered backlog as it stood when the
-- minutes were last written (so a past month's export shows what was decided on, not today's order).
CREATE TABLE backlog_scores (
    ticket_number  BIGINT                   NOT NULL PRIMARY KEY,
    user_value     SMALLINT CHECK (user_value BETWEEN 1 AND 5),
    technical_risk SMALLINT CHECK (technical_risk BETWEEN 1 AND 5),
    scored_by      VARCHAR(64)              NOT NULL,
    scored_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE backlog_reviews (
    review_month  VARCHAR(7)               NOT NULL PRIMARY KEY,
    held_on       DATE,
    ticket_number BIGINT,
    updated_by    VARCHAR(64),
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE backlog_review_attendees (
    review_month VARCHAR(7)  NOT NULL REFERENCES backlog_reviews (review_month),
    username     VARCHAR(64) NOT NULL,
    PRIMARY KEY (review_month, username)
);

CREATE TABLE backlog_decisions (
    review_month  VARCHAR(7)               NOT NULL REFERENCES backlog_reviews (review_month),
    ticket_number BIGINT                   NOT NULL,
    decision      VARCHAR(8)               NOT NULL CHECK (decision IN ('KEEP', 'PLAN', 'DROP')),
    release_name  VARCHAR(40),
    decided_by    VARCHAR(64)              NOT NULL,
    decided_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (review_month, ticket_number)
);

CREATE TABLE backlog_review_items (
    review_month   VARCHAR(7)   NOT NULL REFERENCES backlog_reviews (review_month),
    position       INT          NOT NULL,
    ticket_number  BIGINT       NOT NULL,
    title          VARCHAR(200) NOT NULL,
    user_value     SMALLINT,
    technical_risk SMALLINT,
    score          SMALLINT,
    reason         VARCHAR(12)  NOT NULL,
    reason_tickets VARCHAR(400),
    tech_debt      BOOLEAN      NOT NULL,
    age_days       INT          NOT NULL,
    PRIMARY KEY (review_month, position)
);
