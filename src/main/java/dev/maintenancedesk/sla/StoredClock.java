package dev.maintenancedesk.sla;

import java.time.Instant;

/**
 * One row of {@code sla_clocks}: a clock's figures ({@link ClockFigures}) and what it was at
 * {@code computedAt} (state, at-risk flag, elapsed minutes, percentage, deadline and at-risk instant),
 * plus the instant of the last history change it was computed from. Two rows are equal when the stored
 * projection is exactly what the history gives: the rebuild compares them so.
 */
record StoredClock(ClockKind kind, String priority, String target, Long targetMinutes, Instant startedAt,
        Instant stoppedAt, Instant openSince, boolean paused, long countedMinutes, int segments, ClockState state,
        boolean counting, boolean atRisk, long elapsedMinutes, Integer percentUsed, Instant deadline, Instant atRiskAt,
        Instant historyAt, Instant computedAt) {

    /** The row of a clock whose figures are {@code f}, as it was ({@code r}) at {@code computedAt}. */
    static StoredClock of(String priority, ClockFigures f, SlaCalculator.ClockReading r, Instant historyAt,
            Instant computedAt) {
        return new StoredClock(f.kind(), priority, f.target(), f.targetMinutes(), f.startedAt(), f.stoppedAt(),
                f.openSince(), f.paused(), f.countedMinutes(), f.segments(), null, false, false, 0, null, null, null,
                historyAt, null).seen(r, computedAt);
    }

    /** This row with the clock as it is ({@code r}) at {@code at}: what the watcher stores when it advances. */
    StoredClock seen(SlaCalculator.ClockReading r, Instant at) {
        // counting as SlaClock says it: with a target, running or paused, or breached and not stopped
        boolean counts = targetMinutes != null && (r.state() == ClockState.RUNNING || r.state() == ClockState.PAUSED
                || (r.state() == ClockState.BREACHED && stoppedAt == null));
        return new StoredClock(kind, priority, target, targetMinutes, startedAt, stoppedAt, openSince, paused,
                countedMinutes, segments, r.state(), counts, r.atRisk(), r.elapsedMinutes(), r.percentUsed(), r.deadline(),
                r.atRiskAt(), historyAt, at);
    }

    /**
     * When a ticket with these clocks is next due: the earliest deadline of those counting and not paused
     * (null when none). The history fixes it: a clock that counts keeps counting as time passes.
     */
    static Instant due(StoredClock a, StoredClock b) {
        Instant due = null;
        for (StoredClock c : new StoredClock[] {a, b}) {
            if (c.counting() && c.state() != ClockState.PAUSED && c.deadline() != null
                    && (due == null || c.deadline().isBefore(due))) {
                due = c.deadline();
            }
        }
        return due;
    }

    /** The figures back; {@code threshold} is the at-risk threshold of the target, in business minutes. */
    ClockFigures figures(long threshold) {
        boolean targeted = targetMinutes != null;
        return new ClockFigures(kind, target, targetMinutes, startedAt, stoppedAt, openSince, paused, countedMinutes,
                segments,
                targeted && !ClockFigures.moves(paused, segments, countedMinutes, targetMinutes) ? deadline : null,
                targeted && !ClockFigures.moves(paused, segments, countedMinutes, threshold) ? atRiskAt : null);
    }
}
