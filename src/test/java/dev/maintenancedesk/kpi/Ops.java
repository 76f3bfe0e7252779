package dev.maintenancedesk.kpi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** What ops/ holds for the KPI tests: the alert rules' and the Grafana dashboard's queries. */
final class Ops {

    static final Path ALERTS = Path.of("ops/prometheus/alerts.yml");
    static final Path DASHBOARD = Path.of("ops/grafana/dashboards/maintenance-desk.json");

    private Ops() {
    }

    /** Every {@code expr} of alerts.yml. */
    static List<String> alertExpressions() {
        JsonNode rules = new YAMLMapper().readTree(read(ALERTS));
        List<String> exprs = new ArrayList<>();
        rules.get("groups").forEach(g -> g.get("rules").forEach(r -> exprs.add(r.get("expr").asString())));
        return exprs;
    }

    /** Every PromQL {@code expr} of the dashboard's Prometheus panels. */
    static List<String> dashboardPromQl() {
        return targets("prometheus", "expr");
    }

    /** Every {@code rawSql} of the dashboard's PostgreSQL panels. */
    static List<String> dashboardSql() {
        return targets("grafana-postgresql-datasource", "rawSql");
    }

    private static List<String> targets(String type, String field) {
        JsonNode dashboard = JsonMapper.builder().build().readTree(read(DASHBOARD));
        List<String> found = new ArrayList<>();
        dashboard.get("panels").forEach(p -> {
            if (p.has("targets")) {
                p.get("targets").forEach(t -> {
                    if (type.equals(t.get("datasource").get("type").asString())) {
                        found.add(t.get(field).asString());
                    }
                });
            }
        });
        return found;
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An installed tool: the variable scripts/test exports, else the Debian path; missing is a failure. */
    static String executable(String variable, String fallback) {
        String path = System.getenv(variable);
        if (path == null || path.isBlank()) {
            path = fallback;
        }
        if (!Files.isExecutable(Path.of(path))) {
            throw new IllegalStateException(path + " is missing: install the Debian package prometheus "
                    + "(apt-get install prometheus) or set " + variable);
        }
        return path;
    }
}
