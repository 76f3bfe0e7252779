-- A ticket's labels on its own row, as lists and reads show them (issue 15): a list page read each of its rows'
-- labels with a sub-select, half of the statement's cost and most of the database's time under load.
-- ticket_labels stays the index the label filter searches; both are written together (TicketRepository).
ALTER TABLE tickets ADD COLUMN labels VARCHAR(50) ARRAY;
UPDATE tickets SET labels = (SELECT ARRAY_AGG(l.label ORDER BY l.label) FROM ticket_labels l
                             WHERE l.ticket_number = tickets.number)
WHERE number IN (SELECT ticket_number FROM ticket_labels);
