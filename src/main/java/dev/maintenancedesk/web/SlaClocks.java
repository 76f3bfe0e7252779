package dev.maintenancedesk.web;

import dev.maintenancedesk.plan.Plan;
import dev.maintenancedesk.sla.ClockState;
import dev.maintenancedesk.sla.Sla;
import dev.maintenancedesk.sla.SlaClock;
import dev.maintenancedesk.sla.TicketSla;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * SLA clocks as the pages show them: both clocks of a ticket (ticket page), and the badge of a row (the
 * most urgent clock still counting). Templates also call it as {@code @slaClocks} to write business
 * durations ("2 h 15", "3 j 4 h") in the reader's language.
 *
 * <p>Badges of a page are computed together ({@link Sla#of(java.util.Collection)}: the histories of all
 * its rows in two queries).
 */
@Component("slaClocks")
public class SlaClocks {

    private final Sla sla;
    private final MessageSource messages;
    /** One business day ({@code 1d}) in minutes: the plan calendar's standard working day. */
    private final long businessDay;

    public SlaClocks(Sla sla, Plan plan, MessageSource messages) {
        this.sla = sla;
        this.messages = messages;
        this.businessDay = Math.max(1, plan.calendar().standardDayMinutes());
    }

    /**
     * One clock for a page. {@code status} is the CSS and message suffix: running, at-risk, breached,
     * paused, met, or untargeted (no priority yet, so no target).
     */
    public record Shown(String kind, String status, String target, Long targetMinutes, java.time.OffsetDateTime deadline,
            java.time.OffsetDateTime stoppedAt, long elapsedMinutes, Long remainingMinutes, long overMinutes,
            int progress, Integer percentUsed, boolean counting) {

        /** Whether the time left is still to be used (a clock that counts and has not run out). */
        public boolean hasTimeLeft() {
            return counting && remainingMinutes != null && !"breached".equals(status);
        }
    }

    /** Both clocks of a ticket: take-charge, then resolution. */
    public List<Shown> clocks(long number) {
        TicketSla clocks = sla.of(number);
        return List.of(shown(clocks.takeCharge()), shown(clocks.resolution()));
    }

    /** The badge of each ticket: its most urgent counting clock with a target; none when nothing counts. */
    public Map<Long, Shown> badges(Collection<Long> numbers) {
        Map<Long, Shown> badges = new LinkedHashMap<>();
        Map<Long, TicketSla> clocks = sla.of(numbers);
        for (Long number : numbers) {
            Optional.ofNullable(clocks.get(number)).flatMap(this::badge).ifPresent(b -> badges.put(number, b));
        }
        return badges;
    }

    /** The most urgent counting clock with a target: a breached one first, else the least time left. */
    public Optional<Shown> badge(TicketSla clocks) {
        return java.util.stream.Stream.of(clocks.takeCharge(), clocks.resolution())
                .filter(Objects::nonNull)
                .filter(c -> c.counting() && c.targetMinutes() != null)
                .min(URGENCY)
                .map(SlaClocks::shown);
    }

    /** Most urgent first: breached before the rest, then by time left, then by deadline. */
    static final Comparator<SlaClock> URGENCY = Comparator
            .comparing((SlaClock c) -> c.state() != ClockState.BREACHED)
            .thenComparing(c -> c.remainingMinutes() == null ? Long.MAX_VALUE : c.remainingMinutes())
            .thenComparing(SlaClock::deadline, Comparator.nullsLast(Comparator.naturalOrder()));

    static Shown shown(SlaClock c) {
        String status;
        if (c.targetMinutes() == null) {
            status = c.state() == ClockState.PAUSED ? "paused" : "untargeted";
        } else {
            status = switch (c.state()) {
                case BREACHED -> "breached";
                case MET -> "met";
                case PAUSED -> "paused";
                case RUNNING -> c.atRisk() ? "at-risk" : "running";
            };
        }
        long over = c.targetMinutes() == null ? 0 : Math.max(0, c.elapsedMinutes() - c.targetMinutes());
        int percent = c.percentUsed() == null ? 0 : c.percentUsed();
        return new Shown(c.kind().name(), status, c.target(), c.targetMinutes(), c.deadline(), c.stoppedAt(),
                c.elapsedMinutes(), c.remainingMinutes(), over, Math.clamp(percent, 0, 100), c.percentUsed(),
                c.counting());
    }

    /** A business duration in the reader's language: "45 min", "2 h 15", "3 j 4 h" (1 j = the standard day). */
    public String duration(Long minutes) {
        if (minutes == null) {
            return "";
        }
        Locale locale = LocaleContextHolder.getLocale();
        long m = Math.max(0, minutes);
        if (m >= businessDay) {
            long days = m / businessDay;
            long hours = (m % businessDay) / 60;
            return hours == 0 ? text("sla.duration.days", locale, days)
                    : text("sla.duration.daysHours", locale, days, hours);
        }
        if (m >= 60) {
            long rest = m % 60;
            return rest == 0 ? text("sla.duration.hours", locale, m / 60)
                    : text("sla.duration.hoursMinutes", locale, m / 60, rest);
        }
        return text("sla.duration.minutes", locale, m);
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
