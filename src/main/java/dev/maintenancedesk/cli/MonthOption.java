package dev.maintenancedesk.cli;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.Option;

/** {@code --month YYYY-MM}, for the monthly reports (backlog minutes, plan conformance). */
final class MonthOption {

    @Option(names = "--month", paramLabel = "YYYY-MM", required = true, description = "The month (YYYY-MM).")
    String month;

    /** The month asked for; anything else is a one-line usage error. */
    YearMonth get() {
        try {
            return YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            throw new Desk.UsageException("\"" + month + "\" is not a month for --month (expected YYYY-MM, e.g. 2026-11)");
        }
    }
}
