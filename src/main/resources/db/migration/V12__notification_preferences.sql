-- Which personal notifications a user has turned off (issue 9). No row: the kind is on.
CREATE TABLE notification_preferences (
    username VARCHAR(39) NOT NULL,
    kind     VARCHAR(40) NOT NULL,
    enabled  BOOLEAN     NOT NULL,
    PRIMARY KEY (username, kind)
);
