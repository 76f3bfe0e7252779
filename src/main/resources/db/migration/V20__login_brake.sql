-- Password guessing is slowed per (username, client address) and per client address, instead of locking an
-- account (which anyone knowing a username could keep locked). One row per key; see accounts.GuessingBrake.
CREATE TABLE login_throttle (
    throttle_key    VARCHAR(400)             NOT NULL PRIMARY KEY,
    failures        INT                      NOT NULL,
    last_failure_at TIMESTAMP WITH TIME ZONE NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL
);
ALTER TABLE users DROP COLUMN failed_logins;
ALTER TABLE users DROP COLUMN locked_until;
