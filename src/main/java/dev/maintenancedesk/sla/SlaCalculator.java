package dev.maintenancedesk.sla;

import static dev.maintenancedesk.tickets.TicketState.ASSIGNED;
import static dev.maintenancedesk.tickets.TicketState.CLOSED;
import static dev.maintenancedesk.tickets.TicketState.MERGED;
import static dev.maintenancedesk.tickets.TicketState.REJECTED;
import static dev.maintenancedesk.tickets.TicketState.TRIAGED;
import static dev.maintenancedesk.tickets.TicketState.WAITING;

import dev.maintenancedesk.calendar.BusinessCalendar;
import dev.maintenancedesk.calendar.Deadlines;
import dev.maintenancedesk.plan.BusinessDuration;
import dev.maintenancedesk.plan.Priority;
import dev.maintenancedesk.plan.SlaPolicy;
import dev.maintenancedesk.plan.SlaPolicy.PriorityChange;
import dev.maintenancedesk.plan.SlaTarget;
import dev.maintenancedesk.tickets.TicketState;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Computes both clocks of a ticket from its {@link Timeline} (DESIGN §5). Each clock is the list of
 * business-time segments during which it counted:
 * <ul>
 *   <li>take-charge counts from creation until the first arrival in ASSIGNED (a rejection also stops
 *       it: the ticket was handled); resolution counts from creation until MERGED, or CLOSED/REJECTED
 *       when never merged, and counts again after a reopen;</li>
 *   <li>WAITING pauses both, so paused time pushes the deadline out;</li>
 *   <li>a priority change recomputes the target from creation, or — with the plan's
 *       {@code restart_at_change} — drops what was counted before the change.</li>
 * </ul>
 */
final class SlaCalculator {

    private final Deadlines deadlines;
    private final BusinessCalendar calendar;
    private final SlaPolicy policy;
    private final ZoneId zone;

    SlaCalculator(Deadlines deadlines, SlaPolicy policy) {
        this.deadlines = deadlines;
        this.calendar = deadlines.calendar();
        this.policy = policy;
        this.zone = calendar.zone();
    }

    TicketSla compute(Timeline timeline, Instant now) {
        return at(project(timeline, now), now);
    }

    /**
     * What the history up to {@code now} says of both clocks, in figures that no longer depend on the
     * history: {@link #at} gives the clocks at any instant from {@code historyAt} on without it. This is
     * what the sla module stores with each ticket (its projection).
     */
    Projection project(Timeline timeline, Instant now) {
        Counting takeCharge = new Counting();
        Counting resolution = new Counting();
        Priority priority = null;
        boolean assigned = false;
        Instant triaged = null;
        Instant last = timeline.created();
        takeCharge.resume(timeline.created());
        resolution.resume(timeline.created());
        for (Timeline.Step step : timeline.steps()) {
            if (step.at().isAfter(now)) {
                break;
            }
            last = step.at();
            if (step.priority() != null) {
                if (priority != null && step.priority() != priority
                        && policy.priorityChange() == PriorityChange.RESTART_AT_CHANGE) {
                    takeCharge.restart(step.at());
                    resolution.restart(step.at());
                }
                priority = step.priority();
                continue;
            }
            TicketState to = step.to();
            if (to == TRIAGED && triaged == null) {
                triaged = step.at();
            }
            if (!assigned) {
                assigned = to == ASSIGNED;
                takeCharge.set(!assigned && to != WAITING && to != REJECTED && to != CLOSED, to == WAITING, step.at());
            }
            resolution.set(to != WAITING && to != MERGED && to != CLOSED && to != REJECTED, to == WAITING, step.at());
        }
        String label = priority == null ? null : priority.name();
        SlaPolicy.SlaTargets targets = priority == null ? null : policy.targets(priority);
        return new Projection(label,
                figures(ClockKind.TAKE_CHARGE, takeCharge, targets == null ? null : targets.takeCharge(), triaged),
                figures(ClockKind.RESOLUTION, resolution, targets == null ? null : targets.resolution(), triaged),
                last);
    }

    /** Both clocks at {@code now} (not before the projection's {@code historyAt}) from the projection alone. */
    TicketSla at(Projection projection, Instant now) {
        return new TicketSla(projection.priority(), at(projection.takeCharge(), now), at(projection.resolution(), now));
    }

    /** Whatever of a clock the time to come cannot change: its target, segments counted, fixed instants. */
    private ClockFigures figures(ClockKind kind, Counting counting, SlaTarget target, Instant triaged) {
        List<Instant[]> closed = counting.closed();
        long counted = 0;
        for (Instant[] s : closed) {
            counted += calendar.between(s[0], s[1]).toMinutes();
        }
        Instant startedAt = counting.firstStart();
        Instant stoppedAt = counting.stopped() ? counting.lastEnd() : null;
        if (target == null) {
            return new ClockFigures(kind, null, null, startedAt, stoppedAt, counting.openSince(), counting.paused(),
                    counted, closed.size(), null, null);
        }
        long targetMinutes = switch (target) {
            case BusinessDuration d -> d.minutes();
            case SlaTarget.NextMinorRelease r -> {
                // "Planifié release": due at the close of the next MINOR window after triage.
                Instant from = triaged != null ? triaged : startedAt;
                yield calendar.between(startedAt, deadlines.endOfNextMinorWindow(from)).toMinutes();
            }
        };
        return new ClockFigures(kind, target.toString(), targetMinutes, startedAt, stoppedAt, counting.openSince(),
                counting.paused(), counted, closed.size(), reach(closed, targetMinutes, counting),
                reach(closed, threshold(targetMinutes), counting));
    }

    /** The clock at {@code now}, from its figures. */
    SlaClock at(ClockFigures f, Instant now) {
        ClockReading r = read(f, now);
        return new SlaClock(f.kind(), r.state(), f.target(), f.targetMinutes(), at(f.startedAt()), at(f.stoppedAt()),
                at(r.deadline()), r.elapsedMinutes(), r.remainingMinutes(), r.percentUsed(), r.atRisk(), at(r.atRiskAt()));
    }

    /** What changes of a clock as time passes, at {@code now} (instants as such: no zone to apply). */
    ClockReading read(ClockFigures f, Instant now) {
        long elapsed = f.countedMinutes();
        if (f.openSince() != null) {
            elapsed += calendar.between(f.openSince(), now.isBefore(f.openSince()) ? f.openSince() : now).toMinutes();
        }
        boolean stopped = f.stopped();
        if (f.targetMinutes() == null) {
            return new ClockReading(f.paused() ? ClockState.PAUSED : stopped ? ClockState.MET : ClockState.RUNNING,
                    elapsed, null, null, false, null, null);
        }
        long targetMinutes = f.targetMinutes();
        long threshold = threshold(targetMinutes);
        // Paused and not reached yet: reckoned from now, as if the clock resumed at once.
        Instant deadline = f.deadline() != null ? f.deadline()
                : calendar.add(now, Duration.ofMinutes(Math.max(0, targetMinutes - f.countedMinutes())));
        Instant atRiskAt = f.atRiskAt() != null ? f.atRiskAt()
                : calendar.add(now, Duration.ofMinutes(Math.max(0, threshold - f.countedMinutes())));
        boolean breached = stopped ? elapsed > targetMinutes : elapsed >= targetMinutes;
        ClockState state = breached ? ClockState.BREACHED : stopped ? ClockState.MET
                : f.paused() ? ClockState.PAUSED : ClockState.RUNNING;
        boolean atRisk = !breached && !stopped && elapsed >= threshold;
        return new ClockReading(state, elapsed, Math.max(0, targetMinutes - elapsed),
                targetMinutes == 0 ? 100 : (int) Math.min(999, elapsed * 100 / targetMinutes), atRisk, deadline, atRiskAt);
    }

    /** A clock at an instant: its state and what it has used of its target ({@link SlaClock} without the zone). */
    record ClockReading(ClockState state, long elapsedMinutes, Long remainingMinutes, Integer percentUsed, boolean atRisk,
            Instant deadline, Instant atRiskAt) {}

    /** Business minutes after which a clock of this target is at risk (the plan's threshold, 75 % by default). */
    long threshold(long targetMinutes) {
        return (long) Math.ceil(targetMinutes * policy.atRiskThreshold());
    }

    /**
     * The instant at which the clock has counted {@code minutes}: inside the finished segment where it
     * happened, or — not reached yet — projected from where the clock stands (the open segment, the stop
     * if stopped). Null while paused and not reached: it is then reckoned from "now" ({@link #at}).
     */
    private Instant reach(List<Instant[]> closed, long minutes, Counting counting) {
        long before = 0;
        for (Instant[] s : closed) {
            long inSegment = calendar.between(s[0], s[1]).toMinutes();
            if (before + inSegment >= minutes) {
                return calendar.add(s[0], Duration.ofMinutes(Math.max(0, minutes - before)));
            }
            before += inSegment;
        }
        if (counting.running()) {
            return calendar.add(counting.openSince(), Duration.ofMinutes(Math.max(0, minutes - before)));
        }
        return counting.paused() ? null : calendar.add(counting.lastEnd(), Duration.ofMinutes(Math.max(0, minutes - before)));
    }

    private OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
    }

    /** The segments during which one clock counted, and whether it is counting, paused or stopped. */
    private static final class Counting {
        private final List<Instant[]> closed = new ArrayList<>();
        private Instant openSince;
        private Instant origin;
        private boolean paused;

        void resume(Instant at) {
            if (openSince == null) {
                openSince = at;
            }
            if (origin == null) {
                origin = at;
            }
            paused = false;
        }

        void set(boolean counts, boolean pause, Instant at) {
            if (counts) {
                resume(at);
                return;
            }
            if (openSince != null) {
                closed.add(new Instant[] {openSince, at});
                openSince = null;
            }
            paused = pause;
        }

        /** Forgets what was counted: the clock counts again from {@code at} (a stopped clock stays as it is). */
        void restart(Instant at) {
            if (stopped()) {
                return;
            }
            closed.clear();
            origin = at;
            if (openSince != null) {
                openSince = at;
            }
        }

        List<Instant[]> closed() {
            return closed;
        }

        Instant openSince() {
            return openSince;
        }

        boolean running() {
            return openSince != null;
        }

        boolean paused() {
            return openSince == null && paused;
        }

        boolean stopped() {
            return openSince == null && !paused;
        }

        Instant firstStart() {
            return closed.isEmpty() ? (openSince != null ? openSince : origin) : closed.getFirst()[0];
        }

        Instant lastEnd() {
            return closed.isEmpty() ? null : closed.getLast()[1];
        }
    }
}
