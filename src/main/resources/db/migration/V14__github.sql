-- GitHub: every webhook delivery as received (stored before it is acknowledged, processed afterwards),
-- the one-to-one map of GitHub issues to tickets, and the outbox of calls to GitHub's REST API.
CREATE TABLE github_deliveries (
    id              VARCHAR(100)             NOT NULL PRIMARY KEY,
    event           VARCHAR(100)             NOT NULL,
    action          VARCHAR(100),
    payload         TEXT                     NOT NULL,
    status          VARCHAR(20)              NOT NULL,
    attempts        INT                      DEFAULT 0 NOT NULL,
    error           VARCHAR(1000),
    received_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
    claimed_until   TIMESTAMP WITH TIME ZONE,
    processed_at    TIMESTAMP WITH TIME ZONE
);
CREATE INDEX github_deliveries_due_idx ON github_deliveries (status, next_attempt_at);
CREATE INDEX github_deliveries_received_idx ON github_deliveries (received_at);

-- One GitHub issue = one ticket. The row is claimed (ticket_number still null) before the ticket is
-- opened, so that two deliveries about one new issue open one ticket; issue_updated_at is the issue's
-- updated_at last applied: an older event changes nothing.
CREATE TABLE github_issues (
    repository       VARCHAR(200)             NOT NULL,
    issue_number     BIGINT                   NOT NULL,
    ticket_number    BIGINT                   REFERENCES tickets (number),
    issue_updated_at TIMESTAMP WITH TIME ZONE,
    author           VARCHAR(100),
    url              VARCHAR(500),
    PRIMARY KEY (repository, issue_number)
);
CREATE UNIQUE INDEX github_issues_ticket_idx ON github_issues (ticket_number);

-- Comments copied from GitHub, by GitHub's comment id: applying a delivery again adds no second copy.
CREATE TABLE github_comments (
    comment_id     BIGINT NOT NULL PRIMARY KEY,
    ticket_number  BIGINT NOT NULL REFERENCES tickets (number)
);
