package dev.maintenancedesk.kpi;

import dev.maintenancedesk.plan.Plan;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import org.springframework.stereotype.Component;

/** Months as the KPIs count them: 'YYYY-MM' in the plan calendar's time zone. */
@Component
class Months {

    private final ZoneId zone;

    @org.springframework.beans.factory.annotation.Autowired
    Months(Plan plan) {
        this(plan.calendar().zone());
    }

    static Months in(ZoneId zone) {
        return new Months(zone);
    }

    private Months(ZoneId zone) {
        this.zone = zone;
    }

    String of(Instant instant) {
        return YearMonth.from(instant.atZone(zone)).toString();
    }

    Instant start(YearMonth month) {
        return month.atDay(1).atStartOfDay(zone).toInstant();
    }

    Instant end(YearMonth month) {
        return start(month.plusMonths(1));
    }

    LocalDate day(Instant instant) {
        return instant.atZone(zone).toLocalDate();
    }

    ZoneId zone() {
        return zone;
    }
}
