package dev.maintenancedesk.web.account;

import dev.maintenancedesk.accounts.Role;
import dev.maintenancedesk.calendar.BusinessCalendar;
import dev.maintenancedesk.plan.CalendarSettings;
import dev.maintenancedesk.plan.Plan;
import dev.maintenancedesk.plan.Team;
import dev.maintenancedesk.web.Viewer;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /admin/teams}: the teams and the business calendars their SLA clocks run on. Read-only on
 * purpose: they are part of the plan, which is code (edited in the plan file, validated, versioned).
 */
@Controller
class AdminTeamsController {

    private static final int HOLIDAYS_SHOWN = 6;

    private final Plan plan;
    private final Viewer viewer;
    private final Clock clock;

    AdminTeamsController(Plan plan, Viewer viewer, Clock clock) {
        this.plan = plan;
        this.viewer = viewer;
        this.clock = clock;
    }

    @GetMapping("/admin/teams")
    String teams(Model model, Locale locale) {
        if (!viewer.atLeast(Role.ADMIN)) {
            throw new AccessDeniedException("administrators only");
        }
        List<TeamCalendar> calendars = new ArrayList<>();
        calendars.add(describe(null, null, plan.calendar(), locale));
        for (Team team : plan.teams()) {
            calendars.add(describe(team.key(), team.name().in(locale.getLanguage()), plan.calendarOf(team.key()), locale));
        }
        model.addAttribute("calendars", calendars);
        return "admin/teams";
    }

    private TeamCalendar describe(String key, String name, CalendarSettings settings, Locale locale) {
        BusinessCalendar calendar = BusinessCalendar.of(settings);
        List<Day> week = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            week.add(new Day(day.getDisplayName(TextStyle.FULL, locale), settings.hoursOn(day).stream().map(r -> r.start() + "–" + r.end())
                    .collect(Collectors.joining(", "))));
        }
        List<LocalDate> holidays = new ArrayList<>();
        LocalDate day = LocalDate.now(clock.withZone(settings.zone()));
        for (int i = 0; i < 400 && holidays.size() < HOLIDAYS_SHOWN; i++, day = day.plusDays(1)) {
            if (calendar.isPublicHoliday(day)) {
                holidays.add(day);
            }
        }
        return new TeamCalendar(key, name, settings == plan.calendar() && key != null, settings, week, holidays,
                calendar.standardDay().toMinutes());
    }

    /** A calendar as the page shows it; {@code key} null is the plan's own calendar. */
    record TeamCalendar(String key, String name, boolean planCalendar, CalendarSettings settings, List<Day> week,
            List<LocalDate> nextHolidays, long standardDayMinutes) {}

    record Day(String name, String hours) {}
}
