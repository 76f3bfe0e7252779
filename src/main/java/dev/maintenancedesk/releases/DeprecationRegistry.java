package dev.maintenancedesk.releases;

import dev.maintenancedesk.accounts.Actor;
import dev.maintenancedesk.accounts.Role;
import dev.maintenancedesk.plan.Plan;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.ErrorResponseException;

/**
 * The deprecation registry of the UI and API. The earliest removal is computed on read from the plan,
 * so a change of cadence or policy applies to every announcement at once.
 */
@Service
@Transactional
public class DeprecationRegistry {

    /** Like a footer key ({@code Deprecated: <key> text}): one word, so that commits can name it. */
    static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/:-]{0,199}");
    static final int DESCRIPTION_MAX = 2000;

    private final JdbcClient jdbc;
    private final RemovalSchedule removals;
    private final ZoneId zone;
    private final Clock clock;

    DeprecationRegistry(JdbcClient jdbc, Plan plan, Clock clock) {
        this.jdbc = jdbc;
        this.removals = new RemovalSchedule(plan);
        this.zone = plan.calendar().zone();
        this.clock = clock;
    }

    /** Newest announcement first. */
    @Transactional(readOnly = true)
    public List<Deprecation> list() {
        return jdbc.sql("SELECT deprecation_key, description, announced_in, announced_by, announced_at FROM deprecations"
                        + " ORDER BY announced_at DESC, deprecation_key")
                .query((rs, i) -> deprecation(rs.getString(1), rs.getString(2), Version.parse(rs.getString(3)),
                        rs.getString(4), rs.getObject(5, OffsetDateTime.class)))
                .list();
    }

    public Deprecation register(String key, String description, String announcedIn, Actor actor) {
        if (!actor.atLeast(Role.LEAD)) {
            throw problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                    actor.username() + " (" + actor.role() + ") may not register a deprecation; a lead or admin may", Map.of());
        }
        List<Map<String, String>> errors = new ArrayList<>();
        if (key == null || !KEY.matcher(key).matches()) {
            errors.add(Map.of("field", "key", "message", "required: one word of letters, digits and . _ / : - (at most 200)"));
        }
        if (description == null || description.isBlank() || description.length() > DESCRIPTION_MAX) {
            errors.add(Map.of("field", "description", "message", "required, at most " + DESCRIPTION_MAX + " characters"));
        }
        Version version = announcedIn == null ? null : Version.fromTag(announcedIn.strip()).orElse(null);
        if (version == null || announcedIn.startsWith("v")) {
            errors.add(Map.of("field", "announcedIn", "message", "required: a version X.Y.Z"));
        }
        if (!errors.isEmpty()) {
            throw problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
                    String.join("; ", errors.stream().map(e -> e.get("field") + ": " + e.get("message")).toList()),
                    Map.of("field", errors.getFirst().get("field"), "errors", errors));
        }
        if (jdbc.sql("SELECT COUNT(*) FROM deprecations WHERE deprecation_key = ?").param(key).query(Long.class).single() > 0) {
            throw problem(HttpStatus.CONFLICT, "deprecation-exists", "Already registered",
                    "\"" + key + "\" is already registered as deprecated", Map.of("field", "key"));
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.sql("INSERT INTO deprecations (deprecation_key, description, announced_in, announced_by, announced_at)"
                        + " VALUES (?, ?, ?, ?, ?)")
                .params(key, description.strip(), version.toString(), actor.username(), now)
                .update();
        return deprecation(key, description.strip(), version, actor.username(), now);
    }

    private Deprecation deprecation(String key, String description, Version announcedIn, String by, OffsetDateTime at) {
        LocalDate announced = at.atZoneSameInstant(zone).toLocalDate();
        return new Deprecation(key, description, announcedIn, removals.earliestVersion(announcedIn),
                removals.earliestDate(announced).orElse(null), by, at.atZoneSameInstant(zone).toOffsetDateTime());
    }

    private static ErrorResponseException problem(HttpStatus status, String type, String title, String detail,
            Map<String, Object> properties) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("/problems/" + type));
        problem.setTitle(title);
        properties.forEach(problem::setProperty);
        return new ErrorResponseException(status, problem, null);
    }
}
