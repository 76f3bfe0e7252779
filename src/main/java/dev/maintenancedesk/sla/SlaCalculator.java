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
        Counting takeCharge = new Counting();
        Counting resolution = new Counting();
        Priority priority = null;
        boolean assigned = false;
        Instant triaged = null;
        takeCharge.resume(timeline.created());
        resolution.resume(timeline.created());
        for (Timeline.Step step : timeline.steps()) {
            if (step.at().isAfter(now)) {
                break;
            }
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
        return new TicketSla(label,
                clock(ClockKind.TAKE_CHARGE, takeCharge, targets == null ? null : targets.takeCharge(), triaged, now),
                clock(ClockKind.RESOLUTION, resolution, targets == null ? null : targets.resolution(), triaged, now));
    }

    private SlaClock clock(ClockKind kind, Counting counting, SlaTarget target, Instant triaged, Instant now) {
        List<Instant[]> segments = counting.segments(now);
        long elapsed = 0;
        for (Instant[] s : segments) {
            elapsed += calendar.between(s[0], s[1]).toMinutes();
        }
        Instant startedAt = counting.firstStart();
        Instant stoppedAt = counting.stopped() ? counting.lastEnd() : null;
        if (target == null) {
            return new SlaClock(kind, counting.paused() ? ClockState.PAUSED : counting.stopped() ? ClockState.MET
                    : ClockState.RUNNING, null, null, at(startedAt), at(stoppedAt), null, elapsed, null, null, false, null);
        }
        long targetMinutes = switch (target) {
            case BusinessDuration d -> d.minutes();
            case SlaTarget.NextMinorRelease r -> {
                // "Planifié release": due at the close of the next MINOR window after triage.
                Instant from = triaged != null ? triaged : startedAt;
                yield calendar.between(startedAt, deadlines.endOfNextMinorWindow(from)).toMinutes();
            }
        };
        Instant deadline = reach(segments, targetMinutes, counting, now);
        long threshold = (long) Math.ceil(targetMinutes * policy.atRiskThreshold());
        Instant atRiskAt = reach(segments, threshold, counting, now);
        boolean breached = counting.stopped() ? elapsed > targetMinutes : elapsed >= targetMinutes;
        ClockState state = breached ? ClockState.BREACHED : counting.stopped() ? ClockState.MET
                : counting.paused() ? ClockState.PAUSED : ClockState.RUNNING;
        boolean atRisk = !breached && !counting.stopped() && elapsed >= threshold;
        return new SlaClock(kind, state, target.toString(), targetMinutes, at(startedAt), at(stoppedAt), at(deadline),
                elapsed, Math.max(0, targetMinutes - elapsed),
                targetMinutes == 0 ? 100 : (int) Math.min(999, elapsed * 100 / targetMinutes), atRisk, at(atRiskAt));
    }

    /**
     * The instant at which the clock has counted {@code minutes}: inside the segment where it happened,
     * or — not reached yet — projected from where the clock stands (the open segment, now if paused,
     * the stop if stopped).
     */
    private Instant reach(List<Instant[]> segments, long minutes, Counting counting, Instant now) {
        long before = 0;
        for (int i = 0; i < segments.size(); i++) {
            Instant[] s = segments.get(i);
            boolean open = i == segments.size() - 1 && counting.running();
            long inSegment = open ? 0 : calendar.between(s[0], s[1]).toMinutes();
            if (open || before + inSegment >= minutes) {
                return calendar.add(s[0], Duration.ofMinutes(Math.max(0, minutes - before)));
            }
            before += inSegment;
        }
        Instant from = counting.paused() ? now : counting.lastEnd();
        return calendar.add(from, Duration.ofMinutes(Math.max(0, minutes - before)));
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

        List<Instant[]> segments(Instant now) {
            List<Instant[]> all = new ArrayList<>(closed);
            if (openSince != null) {
                all.add(new Instant[] {openSince, now.isBefore(openSince) ? openSince : now});
            }
            return all;
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
