package dev.maintenancedesk.releases;

import dev.maintenancedesk.accounts.Actor;
import dev.maintenancedesk.accounts.Role;
import dev.maintenancedesk.plan.Plan;
import dev.maintenancedesk.problem.Conflict;
import dev.maintenancedesk.problem.FieldError;
import dev.maintenancedesk.problem.Forbidden;
import dev.maintenancedesk.problem.InvalidInput;
import dev.maintenancedesk.problem.TextRules;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

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

    /**
     * Registers {@code key}; the primary key of {@code deprecations} decides between concurrent
     * registrations of one key, so all but one get a 409 rather than a count-then-insert race.
     */
    public Deprecation register(String key, String description, String announcedIn, Actor actor) {
        if (!actor.atLeast(Role.LEAD)) {
            throw new Forbidden("forbidden",
                    actor.username() + " (" + actor.role() + ") may not register a deprecation; a lead or admin may");
        }
        List<FieldError> errors = new ArrayList<>();
        if (key == null || !KEY.matcher(key).matches()) {
            errors.add(FieldError.of("key", "required: one word of letters, digits and . _ / : - (at most 200)"));
        }
        FieldError text = TextRules.problem("description", description, DESCRIPTION_MAX);
        if (description == null || description.isBlank()) {
            errors.add(FieldError.of("description", "required, at most " + DESCRIPTION_MAX + " characters"));
        } else if (text != null) {
            errors.add(text);
        }
        Version version = announcedIn == null ? null : Version.fromTag(announcedIn.strip()).orElse(null);
        if (version == null || announcedIn.startsWith("v")) {
            errors.add(FieldError.of("announcedIn", "required: a version X.Y.Z"));
        }
        if (!errors.isEmpty()) {
            throw InvalidInput.of(errors);
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        try {
            jdbc.sql("INSERT INTO deprecations (deprecation_key, description, announced_in, announced_by, announced_at)"
                            + " VALUES (?, ?, ?, ?, ?)")
                    .params(key, description.strip(), version.toString(), actor.username(), now)
                    .update();
        } catch (DuplicateKeyException e) {
            throw new Conflict("deprecation-exists", "\"" + key + "\" is already registered as deprecated",
                    Map.of("field", "key"), key);
        }
        return deprecation(key, description.strip(), version, actor.username(), now);
    }

    private Deprecation deprecation(String key, String description, Version announcedIn, String by, OffsetDateTime at) {
        LocalDate announced = at.atZoneSameInstant(zone).toLocalDate();
        return new Deprecation(key, description, announcedIn, removals.earliestVersion(announcedIn),
                removals.earliestDate(announced).orElse(null), by, at.atZoneSameInstant(zone).toOffsetDateTime());
    }
}
