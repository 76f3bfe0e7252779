package dev.maintenancedesk.web.kpi;

import dev.maintenancedesk.kpi.Conformance;
import dev.maintenancedesk.kpi.Figure;
import dev.maintenancedesk.kpi.Kpis;
import dev.maintenancedesk.plan.Plan;
import dev.maintenancedesk.problem.InvalidInput;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /kpis}: every KPI as a monthly series — a Chart.js chart (target line, status colours, n on each
 * point) over a table that reads without JavaScript — and the plan-conformance report of a month.
 */
@Controller
class KpiPage {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Kpis kpis;
    private final Conformance conformance;
    private final Clock clock;
    private final ZoneId zone;

    KpiPage(Kpis kpis, Conformance conformance, Plan plan, Clock clock) {
        this.kpis = kpis;
        this.conformance = conformance;
        this.clock = clock;
        this.zone = plan.calendar().zone();
    }

    /** A series as the page shows it: its name in the page's language and the chart's data. */
    record SeriesView(String key, String name, String unit, String target, List<Figure> points, String chart) {}

    /** A conformance rule with its name in the page's language. */
    record RuleView(String name, Conformance.Rule rule) {}

    @GetMapping("/kpis")
    String page(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String month, Locale locale, Model model) {
        YearMonth now = YearMonth.now(clock.withZone(zone));
        YearMonth end = now;
        YearMonth start = now.minusMonths(11);
        YearMonth reviewed = now.minusMonths(1);
        Kpis.KpiReport report;
        try {
            end = to == null || to.isBlank() ? now : Kpis.month("to", to);
            start = from == null || from.isBlank() ? end.minusMonths(11) : Kpis.month("from", from);
            reviewed = month == null || month.isBlank() ? reviewed : Kpis.month("month", month);
            report = kpis.report(start, end);
        } catch (InvalidInput e) {
            model.addAttribute("error", e.field());
            end = now;
            start = now.minusMonths(11);
            report = kpis.report(start, end);
        }
        String language = dev.maintenancedesk.plan.Texts.languageOf(locale);
        Map<String, List<SeriesView>> groups = new LinkedHashMap<>();
        for (Kpis.Series s : report.series()) {
            groups.computeIfAbsent(s.group(), g -> new java.util.ArrayList<>()).add(new SeriesView(s.key(),
                    s.name().in(language), s.unit(), s.target(), s.points(), chart(s)));
        }
        Conformance.Report rules = conformance.month(reviewed);
        model.addAttribute("from", start.toString());
        model.addAttribute("to", end.toString());
        model.addAttribute("month", reviewed.toString());
        model.addAttribute("groups", groups);
        model.addAttribute("rules", rules.rules().stream()
                .map(r -> new RuleView(conformance.ruleName(r.key(), locale), r)).toList());
        return "kpis/index";
    }

    /** The chart's data, read by /js/kpis.js from a data attribute (no inline script under the CSP). */
    private static String chart(Kpis.Series s) {
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("unit", s.unit());
        chart.put("target", s.targetValue());
        chart.put("points", s.points().stream().map(p -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("period", p.period());
            m.put("value", p.value());
            m.put("n", p.n());
            m.put("status", p.status().name());
            return m;
        }).toList());
        return JSON.writeValueAsString(chart);
    }
}
