package dev.maintenancedesk.kpi;

import dev.maintenancedesk.accounts.Actor;
import dev.maintenancedesk.accounts.Role;
import dev.maintenancedesk.problem.FieldError;
import dev.maintenancedesk.problem.Forbidden;
import dev.maintenancedesk.problem.InvalidInput;
import dev.maintenancedesk.problem.TextRules;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Coverage reports per component and commit (JaCoCo or Cobertura XML): the coverage KPI's input. */
@Service
public class Coverage {

    public record Report(String component, String commit, String format, long linesCovered, long linesTotal,
            BigDecimal percent, OffsetDateTime reportedAt) {}

    private final JdbcClient jdbc;
    private final Months months;
    private final Clock clock;

    Coverage(JdbcClient jdbc, Months months, Clock clock) {
        this.jdbc = jdbc;
        this.months = months;
        this.clock = clock;
    }

    /** Parses and stores one report; a refused report (bad XML, DTD entities, bad fields) stores nothing. */
    @Transactional
    public Report record(String component, String commit, byte[] xml, Actor actor) {
        if (!actor.atLeast(Role.DEVELOPER)) {
            throw new Forbidden("forbidden", "reporting coverage needs the DEVELOPER role or above");
        }
        List<FieldError> errors = new ArrayList<>();
        if (component == null || component.isBlank()) {
            errors.add(FieldError.of("component", "required", "required"));
        } else if (!component.matches("[A-Za-z0-9._/-]{1,100}")) {
            errors.add(FieldError.of("component", "invalid", "letters, digits, '.', '_', '/' and '-', at most 100"));
        }
        if (commit == null || commit.isBlank()) {
            errors.add(FieldError.of("commit", "required", "required"));
        } else {
            FieldError e = TextRules.problem("commit", commit, 64);
            if (e != null) {
                errors.add(e);
            }
        }
        if (!errors.isEmpty()) {
            throw InvalidInput.of(errors);
        }
        CoverageXml.Totals totals = CoverageXml.parse(xml);
        Instant now = clock.instant();
        jdbc.sql("""
                INSERT INTO kpi_coverage (component, commit_sha, format, lines_covered, lines_total, percent, reported_month,
                  reported_by, reported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(component, commit.strip(), totals.format().name(), totals.covered(), totals.total(),
                        totals.percent(), months.of(now), actor.username(), TicketFacts.utc(now))
                .update();
        return new Report(component, commit.strip(), totals.format().name(), totals.covered(), totals.total(),
                totals.percent(), now.atZone(months.zone()).toOffsetDateTime());
    }
}
