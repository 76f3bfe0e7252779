package dev.maintenancedesk.plan;

/** The plan file could not be read at all (missing, a directory, no permission, not UTF-8). */
public final class PlanUnreadableException extends RuntimeException {

    public PlanUnreadableException(String message, Throwable cause) {
        super(message, cause);
    }
}
