package dev.maintenancedesk.sla;

import dev.maintenancedesk.plan.CalendarSettings;
import dev.maintenancedesk.plan.Plan;
import dev.maintenancedesk.plan.Priority;
import dev.maintenancedesk.plan.ReleaseCadence;
import dev.maintenancedesk.plan.SlaPolicy;
import dev.maintenancedesk.plan.SlaTarget;
import dev.maintenancedesk.plan.Team;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DayOfWeek;
import java.util.Comparator;
import java.util.HexFormat;

/**
 * A digest of everything in the plan the stored clocks depend on: the calendars (the plan's and each
 * team's: zone, hours, holidays, closures), the SLA targets, the at-risk threshold, what a priority change
 * does, and the release windows ("release" targets end in the next MINOR window). The same plan gives the
 * same digest whatever the order of its teams or closures; a change to any of these gives another one.
 */
final class PlanFingerprint {

    /**
     * Raised when the way clocks are computed changes (a fix in {@link SlaCalculator}): stored clocks are
     * then rebuilt at the next start as after a plan change.
     */
    static final int ALGORITHM = 1;

    private PlanFingerprint() {}

    static String of(Plan plan) {
        StringBuilder text = new StringBuilder("algorithm ").append(ALGORITHM).append('\n');
        text.append("calendar ").append(calendar(plan.calendar())).append('\n');
        plan.teams().stream().sorted(Comparator.comparing(Team::key))
                .forEach(t -> text.append("team ").append(t.key()).append(' ')
                        .append(calendar(plan.calendarOf(t.key()))).append('\n'));
        SlaPolicy sla = plan.sla();
        text.append("at-risk ").append(sla.atRiskThreshold()).append(" priority-change ").append(sla.priorityChange())
                .append('\n');
        for (Priority p : Priority.values()) {
            sla.targets().stream().filter(t -> t.priority() == p).forEach(t -> text.append("target ").append(p)
                    .append(' ').append(target(t.takeCharge())).append(' ').append(target(t.resolution())).append('\n'));
        }
        plan.releaseCalendar().stream().sorted(Comparator.comparing(ReleaseCadence::tag))
                .forEach(r -> text.append("window ").append(r.tag()).append(' ').append(r.window()).append('\n'));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static String calendar(CalendarSettings c) {
        StringBuilder text = new StringBuilder(c.zone().getId());
        for (DayOfWeek day : DayOfWeek.values()) {
            text.append(' ').append(day.getValue()).append(c.hoursOn(day));
        }
        text.append(" holidays ").append(c.holidays() == null ? "-" : c.holidays().country() + "/" + c.holidays().region());
        text.append(" closures ").append(c.closures() == null ? "[]" : c.closures().stream().sorted().toList());
        return text.toString();
    }

    private static String target(SlaTarget target) {
        return target == null ? "-" : target instanceof dev.maintenancedesk.plan.BusinessDuration d
                ? d + "=" + d.minutes() + "m" : target.toString();
    }
}
