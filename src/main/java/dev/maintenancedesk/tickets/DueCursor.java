package dev.maintenancedesk.tickets;

import dev.maintenancedesk.problem.FieldError;
import dev.maintenancedesk.problem.InvalidInput;
import java.time.Instant;

/**
 * Where a "most urgent first" page ended: the (due_at, number) of its last row, written
 * {@code <epoch-millis>_<number>}, or {@code -_<number>} in the tail of tickets with nothing due.
 */
record DueCursor(Instant due, long number) {

    /** Anything outside what this list itself hands out is refused, never passed on to the database. */
    private static final long MAX_MILLIS = Instant.parse("9999-12-31T23:59:59Z").toEpochMilli();

    static DueCursor after(TicketSummary last) {
        return new DueCursor(last.dueAt(), last.number());
    }

    static DueCursor parse(String after) {
        if (after == null || after.isBlank()) {
            return null;
        }
        String[] parts = after.split("_", 2);
        try {
            if (parts.length == 2) {
                long number = Long.parseLong(parts[1]);
                if (parts[0].equals("-") && number > 0) {
                    return new DueCursor(null, number);
                }
                long millis = Long.parseLong(parts[0]);
                if (number > 0 && millis >= 0 && millis <= MAX_MILLIS) {
                    return new DueCursor(Instant.ofEpochMilli(millis), number);
                }
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw InvalidInput.of(FieldError.of("after", "cursor", "\"" + after
                + "\" is not a cursor of this list (use the nextCursor of the previous page)", after));
    }

    @Override
    public String toString() {
        return (due == null ? "-" : Long.toString(due.toEpochMilli())) + "_" + number;
    }
}
