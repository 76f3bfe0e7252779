-- Post-mortems (plan section 14): one per ticket, one row per written section.
CREATE TABLE postmortems (
    ticket_number BIGINT                   NOT NULL PRIMARY KEY REFERENCES tickets (number),
    updated_by    VARCHAR(64)              NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE postmortem_sections (
    ticket_number BIGINT      NOT NULL REFERENCES postmortems (ticket_number),
    section_key   VARCHAR(40) NOT NULL,
    body          TEXT        NOT NULL,
    PRIMARY KEY (ticket_number, section_key)
);
