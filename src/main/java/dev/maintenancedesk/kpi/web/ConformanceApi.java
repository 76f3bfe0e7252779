package dev.maintenancedesk.kpi.web;

import dev.maintenancedesk.kpi.Conformance;
import dev.maintenancedesk.kpi.Kpis;
import dev.maintenancedesk.problem.InvalidInput;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The plan-conformance report of a month: {@code GET /api/v1/conformance?month=YYYY-MM}. */
@RestController
class ConformanceApi {

    private final Conformance conformance;

    ConformanceApi(Conformance conformance) {
        this.conformance = conformance;
    }

    @GetMapping("/api/v1/conformance")
    Conformance.Report conformance(@RequestParam(required = false) String month) {
        if (month == null) {
            throw InvalidInput.of("month", "required (YYYY-MM)");
        }
        return conformance.month(Kpis.month("month", month));
    }
}
