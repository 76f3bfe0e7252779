-- Deprecation registry (DESIGN §6): features announced as deprecated from the UI/API, besides the
-- "Deprecated:" commit footers; the earliest removal is computed from the plan, never stored.
CREATE TABLE deprecations (
    deprecation_key VARCHAR(200)             NOT NULL PRIMARY KEY,
    description     VARCHAR(2000)            NOT NULL,
    announced_in    VARCHAR(32)              NOT NULL,
    announced_by    VARCHAR(64)              NOT NULL,
    announced_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
