package dev.maintenancedesk.kpi.web;

import dev.maintenancedesk.kpi.Kpis;
import java.time.YearMonth;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The KPI series: {@code GET /api/v1/kpis?from=YYYY-MM&to=YYYY-MM} (default: the last 12 months). */
@RestController
class KpiApi {

    private final Kpis kpis;
    private final java.time.Clock clock;
    private final java.time.ZoneId zone;

    KpiApi(Kpis kpis, java.time.Clock clock, dev.maintenancedesk.plan.Plan plan) {
        this.kpis = kpis;
        this.clock = clock;
        this.zone = plan.calendar().zone();
    }

    @GetMapping("/api/v1/kpis")
    Kpis.KpiReport kpis(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        YearMonth end = to == null ? YearMonth.now(clock.withZone(zone)) : Kpis.month("to", to);
        YearMonth start = from == null ? end.minusMonths(11) : Kpis.month("from", from);
        return kpis.report(start, end);
    }
}
