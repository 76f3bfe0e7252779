package dev.maintenancedesk.tickets;

import dev.maintenancedesk.accounts.Actor;
import dev.maintenancedesk.accounts.Role;
import dev.maintenancedesk.problem.FieldError;
import dev.maintenancedesk.problem.Forbidden;
import dev.maintenancedesk.problem.InvalidInput;
import dev.maintenancedesk.problem.NotFound;
import dev.maintenancedesk.problem.TextRules;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Named views of the ticket list, per user; a lead (or admin) may share one with everyone. Only the
 * owner deletes a view. The query is stored as the list's URL gives it (the caller keeps only the
 * list's own parameters).
 */
@Service
@Transactional
public class SavedViews {

    public static final int NAME_MAX = 80;
    public static final int QUERY_MAX = 1000;
    /** A user keeps at most this many views of their own. */
    public static final int PER_USER = 50;

    private final JdbcClient jdbc;
    private final Clock clock;

    SavedViews(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The actor's own views, then those shared by others, by name; one query. */
    @Transactional(readOnly = true)
    public List<SavedView> visibleTo(Actor actor) {
        return jdbc.sql("""
                SELECT id, owner, name, query, shared FROM saved_views
                WHERE owner = :owner OR shared = TRUE
                ORDER BY CASE WHEN owner = :owner THEN 0 ELSE 1 END, LOWER(name), id""")
                .param("owner", actor.username())
                .query((rs, i) -> new SavedView(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getBoolean(5)))
                .list();
    }

    public SavedView create(String name, String query, boolean shared, Actor actor) {
        String cleanName = name == null ? "" : name.strip();
        String cleanQuery = query == null ? "" : query.strip();
        if (cleanQuery.startsWith("?")) {
            cleanQuery = cleanQuery.substring(1);
        }
        List<FieldError> errors = new ArrayList<>();
        if (cleanName.isEmpty()) {
            errors.add(FieldError.of("name", "required", "is required"));
        } else {
            FieldError bad = TextRules.problem("name", cleanName, NAME_MAX);
            if (bad != null) {
                errors.add(bad);
            }
        }
        FieldError badQuery = TextRules.problem("query", cleanQuery, QUERY_MAX);
        if (badQuery != null) {
            errors.add(badQuery);
        } else if (cleanQuery.contains("\n") || cleanQuery.contains("\r") || cleanQuery.contains("\t")
                || cleanQuery.contains(" ") || cleanQuery.contains("#")) {
            errors.add(FieldError.of("query", "invalid", "must be a URL query string"));
        }
        if (!errors.isEmpty()) {
            throw InvalidInput.of(errors);
        }
        if (shared && !actor.atLeast(Role.LEAD)) {
            throw new Forbidden("saved-view-share-forbidden", "only a lead may share a view");
        }
        long owned = jdbc.sql("SELECT COUNT(*) FROM saved_views WHERE owner = ?").param(actor.username())
                .query(Long.class).single();
        if (owned >= PER_USER) {
            throw InvalidInput.of(FieldError.of("name", "too-many-views", "at most " + PER_USER + " views per user",
                    PER_USER));
        }
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO saved_views (owner, name, query, shared, created_at) VALUES (?, ?, ?, ?, ?)")
                .params(actor.username(), cleanName, cleanQuery, shared, clock.instant().atOffset(ZoneOffset.UTC))
                .update(key, "id");
        long id = key.getKeyAs(Long.class);
        return new SavedView(id, actor.username(), cleanName, cleanQuery, shared);
    }

    /** Deletes the actor's own view; a view shared by someone else is 403, one the actor cannot see 404. */
    public void delete(long id, Actor actor) {
        SavedView view = jdbc.sql("SELECT id, owner, name, query, shared FROM saved_views WHERE id = ?").param(id)
                .query((rs, i) -> new SavedView(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getBoolean(5)))
                .optional()
                .filter(v -> v.shared() || v.owner().equals(actor.username()))
                .orElseThrow(() -> new NotFound("saved-view-not-found", "There is no saved view #" + id + ".", id));
        if (!view.deletableBy(actor.username())) {
            throw new Forbidden("saved-view-delete-forbidden", "only its owner may delete a view");
        }
        jdbc.sql("DELETE FROM saved_views WHERE id = ?").param(id).update();
    }
}
