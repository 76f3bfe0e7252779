package dev.maintenancedesk.sla;

import java.time.OffsetDateTime;

/**
 * One SLA clock of a ticket. Without a priority there is no target: only the elapsed time is known.
 * {@code deadline} is the actual one while running or once breached, the one that applied when the
 * clock stopped in time, and — while paused — the one it would have if it resumed now.
 *
 * @param target the plan's target as written ({@code 1h}, {@code 5d}, {@code release}), or null
 * @param atRisk past the plan's at-risk threshold and not breached, while the clock still counts
 */
public record SlaClock(ClockKind kind, ClockState state, String target, Long targetMinutes,
        OffsetDateTime startedAt, OffsetDateTime stoppedAt, OffsetDateTime deadline, long elapsedMinutes,
        Long remainingMinutes, Integer percentUsed, boolean atRisk, OffsetDateTime atRiskAt) {

    public boolean counting() {
        return state == ClockState.RUNNING || state == ClockState.PAUSED
                || (state == ClockState.BREACHED && stoppedAt == null);
    }
}
