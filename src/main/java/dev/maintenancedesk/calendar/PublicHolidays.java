package dev.maintenancedesk.calendar;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;
import dev.maintenancedesk.plan.CalendarSettings.Holidays;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Public holidays of a country and optional region from jollyday, one set per year computed once:
 * jollyday evaluates its rules on every call, far too slow for the arithmetic's hot path.
 */
final class PublicHolidays {

    private static final PublicHolidays NONE = new PublicHolidays(null, new String[0]);

    private final HolidayManager manager;
    private final String[] subdivisions;
    private final Map<Integer, Set<LocalDate>> byYear = new ConcurrentHashMap<>();

    private PublicHolidays(HolidayManager manager, String[] subdivisions) {
        this.manager = manager;
        this.subdivisions = subdivisions;
    }

    /**
     * The region is jollyday's hierarchy below the country ("57" for Moselle in France, "ny" in the
     * US), optionally written as ISO 3166-2 ("FR-57") and with deeper levels separated by "/".
     */
    static PublicHolidays of(Holidays holidays) {
        if (holidays == null || holidays.country() == null || holidays.country().isBlank()) {
            return NONE;
        }
        String country = holidays.country().strip().toUpperCase(Locale.ROOT);
        if (!HolidayManager.getSupportedCalendarCodes().contains(country)) {
            throw new IllegalArgumentException("no public holidays known for country \"" + holidays.country() + "\"");
        }
        HolidayManager manager = HolidayManager.getInstance(ManagerParameters.create(country.toLowerCase(Locale.ROOT)));
        String[] path = new String[0];
        String region = holidays.region();
        if (region != null && !region.isBlank()) {
            String r = region.strip();
            if (r.toUpperCase(Locale.ROOT).startsWith(country + "-")) {
                r = r.substring(country.length() + 1);
            }
            path = r.split("/");
            var level = manager.getCalendarHierarchy();
            for (int i = 0; i < path.length; i++) {
                String id = path[i];
                // jollyday's ids mix cases ("ny", "2A", "69M"): match them as the plan author may not
                var child = level.getChildren().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(id))
                        .findFirst().orElse(null);
                path[i] = child == null ? id : child.getKey();
                level = child == null ? null : child.getValue();
                if (level == null) {
                    throw new IllegalArgumentException("unknown holiday region \"" + region + "\" for country "
                            + holidays.country() + " (known: " + String.join(", ",
                                    manager.getCalendarHierarchy().getChildren().keySet().stream().sorted().toList())
                            + ")");
                }
            }
        }
        return new PublicHolidays(manager, path);
    }

    boolean contains(LocalDate date) {
        return manager != null && byYear.computeIfAbsent(date.getYear(), this::compute).contains(date);
    }

    private Set<LocalDate> compute(int year) {
        // The observed date counts when a holiday moves (a US holiday on a Saturday is taken on Friday);
        // jollyday calls it getDate, getActualDate being the nominal one. It can cross a year end: New
        // Year's Day 2022 was observed on 31 December 2021.
        return manager.getHolidays(LocalDate.of(year, 1, 1).minusDays(7), LocalDate.of(year, 12, 31).plusDays(7),
                        HolidayType.PUBLIC_HOLIDAY, subdivisions).stream()
                .map(Holiday::getDate).filter(d -> d.getYear() == year)
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public String toString() {
        return manager == null ? "none" : manager.getCalendarHierarchy().getId() + Arrays.toString(subdivisions);
    }
}
