package dev.maintenancedesk.kpi;

import dev.maintenancedesk.accounts.Actor;
import dev.maintenancedesk.accounts.Role;
import dev.maintenancedesk.problem.FieldError;
import dev.maintenancedesk.problem.Forbidden;
import dev.maintenancedesk.problem.InvalidInput;
import dev.maintenancedesk.problem.TextRules;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Deployments reported by CI or the GitHub integration: the input of the deployment KPIs and DORA. */
@Service
public class Deployments {

    /** How a deployment attempt ended. */
    public enum Status { SUCCESS, FAILURE, ROLLED_BACK }

    /** A reported deployment. {@code firstCommitAt} (optional) is the first commit of the change it ships. */
    public record NewDeployment(String environment, String version, String commit, String status,
            OffsetDateTime startedAt, OffsetDateTime finishedAt, OffsetDateTime firstCommitAt, String url) {}

    public record Deployment(long id, String environment, String version, String commit, Status status,
            OffsetDateTime startedAt, OffsetDateTime finishedAt, OffsetDateTime firstCommitAt, String url,
            String reportedBy) {}

    private final JdbcClient jdbc;
    private final Months months;
    private final Clock clock;

    Deployments(JdbcClient jdbc, Months months, Clock clock) {
        this.jdbc = jdbc;
        this.months = months;
        this.clock = clock;
    }

    /** Records a deployment; a DEVELOPER or above. Every field at fault is named; nothing is stored then. */
    @Transactional
    public Deployment record(NewDeployment d, Actor actor) {
        if (!actor.atLeast(Role.DEVELOPER)) {
            throw new Forbidden("forbidden", "reporting deployments needs the DEVELOPER role or above");
        }
        List<FieldError> errors = new ArrayList<>();
        if (d == null) {
            throw InvalidInput.of("environment", "required");
        }
        if (d.environment() == null || d.environment().isBlank()) {
            errors.add(FieldError.of("environment", "required", "required"));
        }
        addIfPresent(errors, TextRules.problem("environment", d.environment(), 64));
        addIfPresent(errors, TextRules.problem("version", d.version(), 64));
        addIfPresent(errors, TextRules.problem("commit", d.commit(), 64));
        addIfPresent(errors, TextRules.problem("url", d.url(), 500));
        Status status = null;
        if (d.status() == null) {
            errors.add(FieldError.of("status", "required", "required"));
        } else {
            try {
                status = Status.valueOf(d.status().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(FieldError.of("status", "one-of", "must be one of success, failure, rolled_back",
                        "success, failure, rolled_back"));
            }
        }
        if (d.startedAt() == null) {
            errors.add(FieldError.of("startedAt", "required", "required"));
        }
        if (d.finishedAt() == null) {
            errors.add(FieldError.of("finishedAt", "required", "required"));
        }
        if (d.startedAt() != null && d.finishedAt() != null && d.finishedAt().isBefore(d.startedAt())) {
            errors.add(FieldError.of("finishedAt", "before-start", "must not be before startedAt"));
        }
        if (d.firstCommitAt() != null && d.finishedAt() != null && d.firstCommitAt().isAfter(d.finishedAt())) {
            errors.add(FieldError.of("firstCommitAt", "after-finish", "must not be after finishedAt"));
        }
        if (!errors.isEmpty()) {
            throw InvalidInput.of(errors);
        }
        Instant finished = d.finishedAt().toInstant();
        Instant now = clock.instant();
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO kpi_deployments (environment, version, commit_sha, status, started_at, finished_at,
                  first_commit_at, finished_month, url, reported_by, reported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(d.environment().strip(), d.version(), d.commit(), status.name(),
                        TicketFacts.utc(d.startedAt().toInstant()), TicketFacts.utc(finished),
                        d.firstCommitAt() == null ? null : TicketFacts.utc(d.firstCommitAt().toInstant()),
                        months.of(finished), d.url(), actor.username(), TicketFacts.utc(now))
                .update(keys, "id");
        long id = Objects.requireNonNull(keys.getKey()).longValue();
        return new Deployment(id, d.environment().strip(), d.version(), d.commit(), status, d.startedAt(),
                d.finishedAt(), d.firstCommitAt(), d.url(), actor.username());
    }

    private static void addIfPresent(List<FieldError> errors, FieldError error) {
        if (error != null) {
            errors.add(error);
        }
    }
}
