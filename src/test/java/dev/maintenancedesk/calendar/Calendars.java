package dev.maintenancedesk.calendar;

import dev.maintenancedesk.plan.CalendarSettings;
import dev.maintenancedesk.plan.CalendarSettings.Holidays;
import dev.maintenancedesk.plan.CalendarSettings.TimeRange;
import dev.maintenancedesk.plan.PlanLoader;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Calendars the tests share. */
final class Calendars {

    /** The default plan's calendar: Mon–Fri 09:00–18:00, Europe/Paris, French public holidays. */
    static final BusinessCalendar PARIS = BusinessCalendar.of(PlanLoader.loadDefault().calendar());

    private Calendars() {}

    /** Monday to Friday with the given ranges ("09:00-12:30", …). */
    static CalendarSettings weekdays(String zone, String country, String region, String... ranges) {
        return settings(zone, country, region, List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
                DayOfWeek.THURSDAY, DayOfWeek.FRIDAY), List.of(), ranges);
    }

    static CalendarSettings settings(String zone, String country, String region, List<DayOfWeek> days,
            List<LocalDate> closures, String... ranges) {
        List<TimeRange> parsed = new ArrayList<>();
        for (String r : ranges) {
            String[] ends = r.split("-");
            parsed.add(new TimeRange(LocalTime.parse(ends[0]), LocalTime.parse(ends[1])));
        }
        Map<DayOfWeek, List<TimeRange>> hours = new EnumMap<>(DayOfWeek.class);
        days.forEach(d -> hours.put(d, List.copyOf(parsed)));
        return new CalendarSettings(ZoneId.of(zone), hours, new Holidays(country, region), closures);
    }
}
