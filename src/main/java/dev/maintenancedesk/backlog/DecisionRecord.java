package dev.maintenancedesk.backlog;

import java.time.OffsetDateTime;

/** One decision of a review's minutes; {@code release} is named for {@link Decision#PLAN} only. */
public record DecisionRecord(long ticket, Decision decision, String release, String decidedBy,
        OffsetDateTime decidedAt) {}
