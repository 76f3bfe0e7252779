package dev.maintenancedesk.calendar;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.maintenancedesk.plan.BusinessDuration;
import dev.maintenancedesk.plan.CalendarSettings;
import dev.maintenancedesk.plan.Plan;
import dev.maintenancedesk.plan.ReleaseTag;
import dev.maintenancedesk.plan.SlaTarget;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * When an SLA target falls due from a start instant: business time on the plan's calendar, or, for
 * "planned in a release" (P4 resolution), the end of business hours on the day of the next MINOR
 * release window. Pauses and priority changes are the sla module's business; this is the arithmetic.
 */
public final class Deadlines {

    private final BusinessCalendar calendar;
    private final ReleaseWindows releaseWindows;
    /**
     * The answer only depends on the local start day, and an RRULE walk costs microseconds; bounded
     * (a few years of days) so that no caller can grow it for ever.
     */
    private final Cache<LocalDate, Instant> releaseDueByDay = Caffeine.newBuilder().maximumSize(4096).build();

    private Deadlines(BusinessCalendar calendar, ReleaseWindows releaseWindows) {
        this.calendar = calendar;
        this.releaseWindows = releaseWindows;
    }

    /** @throws IllegalArgumentException when the plan's calendar cannot be used (see {@link BusinessCalendar#of}) */
    public static Deadlines of(Plan plan) {
        return of(plan, plan.calendar());
    }

    /** Deadlines on another calendar of the plan (a team's), with the plan's release windows. */
    public static Deadlines of(Plan plan, CalendarSettings calendar) {
        return new Deadlines(BusinessCalendar.of(calendar), new ReleaseWindows(plan));
    }

    public BusinessCalendar calendar() {
        return calendar;
    }

    /** The deadline of {@code target} for a clock started at {@code start}. */
    public Instant due(Instant start, SlaTarget target) {
        Objects.requireNonNull(start, "start");
        return switch (target) {
            case BusinessDuration d -> calendar.add(start, Duration.ofMinutes(d.minutes()));
            case SlaTarget.NextMinorRelease r -> endOfNextMinorWindow(start);
        };
    }

    /**
     * The end of business hours on the day of the first window allowing a MINOR release after the day of
     * {@code start} (in the calendar's zone; a window on that same day is too close to plan anything into
     * it), the window {@code desk release next} gives a MINOR release from the next day. A window
     * on a day without business hours (a holiday) slips to the next business day's closing time.
     */
    public Instant endOfNextMinorWindow(Instant start) {
        return releaseDueByDay.get(LocalDate.ofInstant(start, calendar.zone()), this::endOfMinorWindowAfter);
    }

    private Instant endOfMinorWindowAfter(LocalDate day) {
        LocalDate window = releaseWindows.firstOnOrAfter(day.plusDays(1), ReleaseTag.MINOR).map(ReleaseWindow::date)
                .orElseThrow(() -> new IllegalStateException("the plan's release calendar has no window for a MINOR"
                        + " release within " + ReleaseWindows.HORIZON_YEARS + " years after " + day));
        LocalDate due = window;
        while (!calendar.isBusinessDay(due)) {
            due = due.plusDays(1);
            if (due.isAfter(window.plusYears(1))) {
                throw new IllegalStateException("no business day within a year after the window of " + window);
            }
        }
        return calendar.closingTime(due).orElseThrow();
    }
}
