package dev.maintenancedesk.calendar;

import dev.maintenancedesk.plan.ReleaseTag;
import java.time.LocalDate;

/** A day on which releases may ship; {@code kind} is the largest release the day allows. */
public record ReleaseWindow(LocalDate date, ReleaseTag kind) {

    /** PATCH ships in any window, MINOR in a MINOR or MAJOR window, MAJOR only in a MAJOR window. */
    public boolean allows(ReleaseTag release) {
        return kind.compareTo(release) >= 0;
    }
}
