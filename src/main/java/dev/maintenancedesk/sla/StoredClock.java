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

    /** The row of a clock whose figures are {@code f}, as it was ({@code c}) at {@code computedAt}. */
    static StoredClock of(String priority, ClockFigures f, SlaClock c, Instant historyAt, Instant computedAt) {
        return new StoredClock(f.kind(), priority, f.target(), f.targetMinutes(), f.startedAt(), f.stoppedAt(),
                f.openSince(), f.paused(), f.countedMinutes(), f.segments(), null, false, false, 0, null, null, null,
                historyAt, null).seen(c, computedAt);
    }

    /** This row with the clock as it is ({@code c}) at {@code at}: what the watcher stores when it advances. */
    StoredClock seen(SlaClock c, Instant at) {
        return new StoredClock(kind, priority, target, targetMinutes, startedAt, stoppedAt, openSince, paused,
                countedMinutes, segments, c.state(), c.targetMinutes() != null && c.counting(), c.atRisk(),
                c.elapsedMinutes(), c.percentUsed(), c.deadline() == null ? null : c.deadline().toInstant(),
                c.atRiskAt() == null ? null : c.atRiskAt().toInstant(), historyAt, at);
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
