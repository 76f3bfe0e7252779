package dev.maintenancedesk.sla;

import java.time.Instant;

/**
 * What a clock's history fixes once and for all: its target, when it started and stopped, the business
 * minutes of its finished segments, the segment still open (if running), and the deadline and at-risk
 * instants when they no longer move. With these and a calendar, the clock at any later instant is a
 * couple of business-time operations ({@link SlaCalculator#at(ClockFigures, Instant)}), no replay.
 *
 * @param openSince start of the segment counting now; null unless running
 * @param paused in WAITING (not counting, not stopped)
 * @param segments how many segments are finished (their minutes are {@code countedMinutes})
 * @param deadline null without a target, or while paused before reaching it (it then moves with "now")
 * @param atRiskAt the same for the at-risk threshold
 */
record ClockFigures(ClockKind kind, String target, Long targetMinutes, Instant startedAt, Instant stoppedAt,
        Instant openSince, boolean paused, long countedMinutes, int segments, Instant deadline, Instant atRiskAt) {

    boolean stopped() {
        return openSince == null && !paused;
    }

    /** Whether the instant {@code minutes} of counting is reached is still open: paused before reaching it. */
    static boolean moves(boolean paused, int segments, long countedMinutes, long minutes) {
        return paused && !(segments > 0 && countedMinutes >= minutes);
    }
}
