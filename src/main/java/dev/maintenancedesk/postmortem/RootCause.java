package dev.maintenancedesk.postmortem;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A root cause shared by the incidents it explains, with the corrective tickets opened against it.
 * {@code status}: OPEN while it has no corrective ticket or one is not closed; WATCHING once all are
 * closed; RESOLVED when, in addition, no incident has started for the plan's {@code cause_resolved_after}
 * since the later of the last closing and the last incident.
 */
public record RootCause(long id, String title, CauseCategory category, List<Incident> incidents,
        List<CorrectiveAction> actions, Status status, OffsetDateTime resolvedFrom, String createdBy,
        OffsetDateTime createdAt) {

    public enum Status { OPEN, WATCHING, RESOLVED }

    /** An incident the cause explains; {@code recurring} when it came back after the corrective actions. */
    public record Incident(long ticket, String title, OffsetDateTime startedAt, boolean recurring) {}

    /** What creating a cause sends. */
    public record Input(String title, String category) {}
}
