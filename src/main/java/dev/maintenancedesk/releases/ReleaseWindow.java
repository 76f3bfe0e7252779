package dev.maintenancedesk.releases;

import dev.maintenancedesk.plan.ReleaseTag;
import java.time.LocalDate;

/** A day on which releases may ship; {@code kind} is the largest release the day allows. */
public record ReleaseWindow(LocalDate date, ReleaseTag kind) {

    /** PATCH ships in any window, MINOR in a MINOR or MAJOR window, MAJOR only in a MAJOR window. */
    public boolean allows(Bump bump) {
        return switch (bump) {
            case NONE, PATCH -> true;
            case MINOR -> kind != ReleaseTag.PATCH;
            case MAJOR -> kind == ReleaseTag.MAJOR;
        };
    }
}
