package dev.maintenancedesk.tickets;

import dev.maintenancedesk.problem.FieldError;
import dev.maintenancedesk.problem.InvalidInput;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Where a "most urgent first" page ended: the (due_at, number) of its last row, written
 * {@code <epoch-micros>_<number>}, or {@code -_<number>} in the tail of tickets with nothing due. Microseconds,
 * the precision of the stored due_at: a coarser cursor would bring the page's last row back on the next page.
 */
record DueCursor(Instant due, long number) {

    /** Anything outside what this list itself hands out is refused, never passed on to the database. */
    private static final long MAX_MICROS = micros(Instant.parse("9999-12-31T23:59:59Z"));

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
                long micros = Long.parseLong(parts[0]);
                if (number > 0 && micros >= 0 && micros <= MAX_MICROS) {
                    return new DueCursor(Instant.EPOCH.plus(micros, ChronoUnit.MICROS), number);
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
        return (due == null ? "-" : Long.toString(micros(due))) + "_" + number;
    }

    private static long micros(Instant instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }
}
