package dev.maintenancedesk.postmortem;

import dev.maintenancedesk.accounts.Actor;
import dev.maintenancedesk.accounts.Role;
import dev.maintenancedesk.plan.Plan;
import dev.maintenancedesk.problem.FieldError;
import dev.maintenancedesk.problem.Forbidden;
import dev.maintenancedesk.problem.InvalidInput;
import dev.maintenancedesk.problem.NotFound;
import dev.maintenancedesk.problem.TextRules;
import dev.maintenancedesk.tickets.HistoryEntry;
import dev.maintenancedesk.tickets.TicketView;
import dev.maintenancedesk.tickets.Tickets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Root causes as shared records: created and linked from post-mortems, each explaining one or more
 * incidents, with the corrective tickets opened against it. Linking an incident to a cause whose
 * corrective tickets were all closed before the incident started flags it recurring and publishes
 * {@link RecurrenceDetected}; {@link RecurringIncidents} lists those incidents for the KPIs.
 */
@Service
@Transactional
public class RootCauses implements RecurringIncidents {

    static final int TITLE_MAX = 200;

    private final JdbcClient jdbc;
    private final Tickets tickets;
    private final Incidents incidents;
    private final Plan plan;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RootCauses(JdbcClient jdbc, Tickets tickets, Incidents incidents, Plan plan, ApplicationEventPublisher events,
            Clock clock) {
        this.jdbc = jdbc;
        this.tickets = tickets;
        this.incidents = incidents;
        this.plan = plan;
        this.events = events;
        this.clock = clock;
    }

    /** Every cause, most recently created first. */
    @Transactional(readOnly = true)
    public List<RootCause> list() {
        return jdbc.sql("SELECT id FROM root_causes ORDER BY created_at DESC, id DESC").query(Long.class).list()
                .stream().map(this::get).toList();
    }

    @Transactional(readOnly = true)
    public RootCause get(long id) {
        record Row(long id, String title, CauseCategory category, String by, OffsetDateTime at) {}
        Row row = jdbc.sql("SELECT id, title, category, created_by, created_at FROM root_causes WHERE id = ?").param(id)
                .query((rs, i) -> new Row(rs.getLong(1), rs.getString(2), CauseCategory.valueOf(rs.getString(3)),
                        rs.getString(4), rs.getObject(5, OffsetDateTime.class))).optional()
                .orElseThrow(() -> new NotFound("root-cause-not-found", "There is no root cause " + id + ".",
                        String.valueOf(id)));
        ZoneId zone = plan.calendar().zone();
        List<RootCause.Incident> linked = jdbc.sql("SELECT ticket_number, started_at, recurring FROM incident_causes "
                        + "WHERE cause_id = ? ORDER BY started_at, ticket_number").param(id)
                .query((rs, i) -> new RootCause.Incident(rs.getLong(1), tickets.get(rs.getLong(1)).title(),
                        rs.getObject(2, OffsetDateTime.class).toInstant().atZone(zone).toOffsetDateTime(),
                        rs.getBoolean(3))).list();
        List<CorrectiveAction> actions = actions("cause_id", id);
        RootCause.Status status = RootCause.Status.OPEN;
        OffsetDateTime resolvedFrom = null;
        if (!actions.isEmpty() && actions.stream().allMatch(CorrectiveAction::closed)) {
            Instant since = actions.stream().map(a -> a.closedAt().toInstant()).max(Comparator.naturalOrder()).orElseThrow();
            for (RootCause.Incident incident : linked) {
                if (incident.startedAt().toInstant().isAfter(since)) {
                    since = incident.startedAt().toInstant();
                }
            }
            resolvedFrom = since.atZone(zone).plus(plan.postmortem().causeResolvedAfter()).toOffsetDateTime();
            status = clock.instant().isBefore(resolvedFrom.toInstant()) ? RootCause.Status.WATCHING
                    : RootCause.Status.RESOLVED;
        }
        return new RootCause(row.id(), row.title(), row.category(), linked, actions, status, resolvedFrom, row.by(),
                row.at().toInstant().atZone(zone).toOffsetDateTime());
    }

    /** Creates a cause (not linked to any incident yet). */
    public RootCause create(RootCause.Input input, Actor actor) {
        mustWrite(actor);
        return get(insert(input, actor));
    }

    /** Links the incident to an existing cause (its id as sent: a number naming a cause, else refused). */
    public Postmortem.LinkedCause link(long incident, String causeId, Actor actor) {
        mustWrite(actor);
        tickets.get(incident);
        long id = existing(causeId, "causeId");
        return link(incident, id, actor);
    }

    /** Creates a cause and links the incident to it, in one transaction. */
    public Postmortem.LinkedCause createAndLink(long incident, RootCause.Input input, Actor actor) {
        mustWrite(actor);
        tickets.get(incident);
        return link(incident, insert(input, actor), actor);
    }

    public void unlink(long incident, long causeId, Actor actor) {
        mustWrite(actor);
        tickets.get(incident);
        incidents.touch(incident, actor.username(), clock.instant());
        int removed = jdbc.sql("DELETE FROM incident_causes WHERE ticket_number = ? AND cause_id = ?")
                .params(incident, causeId).update();
        if (removed == 0) {
            throw new NotFound("root-cause-not-linked", "Root cause " + causeId + " does not explain ticket #"
                    + incident + ".", String.valueOf(causeId), incident);
        }
        tickets.recordPostmortem(incident, actor);
    }

    @Override
    @Transactional(readOnly = true)
    public List<Recurrence> startedBetween(Instant from, Instant to) {
        return jdbc.sql("SELECT ic.ticket_number, ic.cause_id, rc.title, ic.started_at FROM incident_causes ic "
                        + "JOIN root_causes rc ON rc.id = ic.cause_id WHERE ic.recurring AND ic.started_at >= ? "
                        + "AND ic.started_at < ? ORDER BY ic.started_at, ic.ticket_number")
                .params(from.atOffset(ZoneOffset.UTC), to.atOffset(ZoneOffset.UTC))
                .query((rs, i) -> new Recurrence(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class).toInstant())).list();
    }

    /** The causes of an incident, in the order they were linked. */
    @Transactional(readOnly = true)
    public List<Postmortem.LinkedCause> of(long incident) {
        return jdbc.sql("SELECT ic.cause_id, rc.title, rc.category, ic.recurring FROM incident_causes ic "
                        + "JOIN root_causes rc ON rc.id = ic.cause_id WHERE ic.ticket_number = ? ORDER BY ic.linked_at, rc.id")
                .param(incident)
                .query((rs, i) -> new CauseRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4))).list()
                .stream().map(r -> {
                    RootCause cause = get(r.id());
                    return new Postmortem.LinkedCause(r.id(), r.title(), CauseCategory.valueOf(r.category()),
                            r.recurring(), cause.status(), cause.incidents().stream().map(RootCause.Incident::ticket)
                                    .filter(t -> t != incident).toList());
                }).toList();
    }

    private record CauseRow(long id, String title, String category, boolean recurring) {}

    /** Whether the incident is linked to that cause. */
    boolean explains(long incident, long causeId) {
        return jdbc.sql("SELECT COUNT(*) FROM incident_causes WHERE ticket_number = ? AND cause_id = ?")
                .params(incident, causeId).query(Long.class).single() > 0;
    }

    /**
     * Evaluates again whether each cause of the incident is recurring (after its start changed); publishes
     * {@link RecurrenceDetected} for a cause that becomes so.
     */
    void reevaluate(long incident) {
        Instant start = incidents.start(incident);
        for (long causeId : jdbc.sql("SELECT cause_id FROM incident_causes WHERE ticket_number = ?").param(incident)
                .query(Long.class).list()) {
            boolean was = jdbc.sql("SELECT recurring FROM incident_causes WHERE ticket_number = ? AND cause_id = ?")
                    .params(incident, causeId).query(Boolean.class).single();
            boolean now = recursAfterCorrection(causeId, incident, start);
            jdbc.sql("UPDATE incident_causes SET started_at = ?, recurring = ? WHERE ticket_number = ? AND cause_id = ?")
                    .params(start.atOffset(ZoneOffset.UTC), now, incident, causeId).update();
            if (now && !was) {
                detected(incident, causeId, start);
            }
        }
    }

    /** The long-term fixes whose {@code column} (incident_number or cause_id) is {@code value}. */
    List<CorrectiveAction> actions(String column, long value) {
        if (!column.equals("incident_number") && !column.equals("cause_id")) {
            throw new IllegalArgumentException(column);
        }
        record Row(long ticket, long incident, Long cause, LocalDate due) {}
        List<Row> rows = jdbc.sql("SELECT action_ticket, incident_number, cause_id, due_on FROM postmortem_actions WHERE "
                        + column + " = ? ORDER BY created_at, action_ticket").param(value)
                .query((rs, i) -> new Row(rs.getLong(1), rs.getLong(2), rs.getObject(3, Long.class),
                        rs.getObject(4, LocalDate.class))).list();
        LocalDate today = LocalDate.ofInstant(clock.instant(), plan.calendar().zone());
        List<CorrectiveAction> actions = new ArrayList<>();
        for (Row row : rows) {
            TicketView t = tickets.get(row.ticket());
            Instant closed = Incidents.closedAt(t, tickets.history(row.ticket()));
            actions.add(new CorrectiveAction(row.ticket(), row.incident(), row.cause(), t.title(), t.type(), t.state(),
                    t.assignee(), row.due(), closed == null && row.due().isBefore(today),
                    closed == null ? null : closed.atZone(plan.calendar().zone()).toOffsetDateTime()));
        }
        return actions;
    }

    private Postmortem.LinkedCause link(long incident, long causeId, Actor actor) {
        incidents.touch(incident, actor.username(), clock.instant());
        if (explains(incident, causeId)) {
            return of(incident).stream().filter(c -> c.id() == causeId).findFirst().orElseThrow();
        }
        Instant start = incidents.start(incident);
        boolean recurring = recursAfterCorrection(causeId, incident, start);
        jdbc.sql("INSERT INTO incident_causes (ticket_number, cause_id, linked_by, linked_at, started_at, recurring) "
                        + "VALUES (?, ?, ?, ?, ?, ?)")
                .params(incident, causeId, actor.username(), clock.instant().atOffset(ZoneOffset.UTC),
                        start.atOffset(ZoneOffset.UTC), recurring).update();
        tickets.recordPostmortem(incident, actor);
        if (recurring) {
            detected(incident, causeId, start);
        }
        return of(incident).stream().filter(c -> c.id() == causeId).findFirst().orElseThrow();
    }

    /**
     * The cause came back: it has corrective tickets (opened from other incidents before this one
     * started), and every one of them was closed when it started. No flag while one was still open.
     */
    private boolean recursAfterCorrection(long causeId, long incident, Instant start) {
        List<Long> correctives = jdbc.sql("SELECT action_ticket FROM postmortem_actions WHERE cause_id = ? "
                        + "AND incident_number <> ? AND created_at < ?")
                .params(causeId, incident, start.atOffset(ZoneOffset.UTC)).query(Long.class).list();
        if (correctives.isEmpty()) {
            return false;
        }
        for (long corrective : correctives) {
            List<HistoryEntry> history = tickets.history(corrective);
            if (!Incidents.closedAt(history, start)) {
                return false;
            }
        }
        return true;
    }

    private void detected(long incident, long causeId, Instant start) {
        String causeTitle = jdbc.sql("SELECT title FROM root_causes WHERE id = ?").param(causeId).query(String.class)
                .single();
        events.publishEvent(new RecurrenceDetected(incident, tickets.get(incident).title(), causeId, causeTitle, start,
                clock.instant()));
    }

    private long insert(RootCause.Input input, Actor actor) {
        List<FieldError> errors = new ArrayList<>();
        String title = input == null ? null : input.title();
        FieldError text = TextRules.problem("title", title, TITLE_MAX);
        if (title == null || title.isBlank()) {
            errors.add(FieldError.of("title", "required", "a root cause needs a title"));
        } else if (text != null) {
            errors.add(text);
        }
        Optional<CauseCategory> category = category(input == null ? null : input.category());
        if (category.isEmpty()) {
            String known = String.join(", ", Arrays.stream(CauseCategory.values()).map(c -> c.name().toLowerCase(Locale.ROOT)).toList());
            String given = input == null ? null : input.category();
            errors.add(given == null || given.isBlank()
                    ? FieldError.of("category", "required", "a root cause needs a category (" + known + ")")
                    : FieldError.of("category", "unknown-category", "unknown category \"" + given + "\" (known: "
                            + known + ")", given, known));
        }
        if (!errors.isEmpty()) {
            throw InvalidInput.of(errors);
        }
        var key = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("INSERT INTO root_causes (title, category, created_by, created_at) VALUES (?, ?, ?, ?)")
                .params(title.strip(), category.get().name(), actor.username(), clock.instant().atOffset(ZoneOffset.UTC))
                .update(key, "id");
        return Objects.requireNonNull(key.getKey()).longValue();
    }

    static Optional<CauseCategory> category(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String name = text.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        return Arrays.stream(CauseCategory.values()).filter(c -> c.name().equals(name)).findFirst();
    }

    /** The id of an existing cause, as sent in {@code field}; anything else is a 400 naming the field. */
    long existing(String text, String field) {
        Long id = null;
        try {
            id = text == null ? null : Long.valueOf(text.strip());
        } catch (NumberFormatException e) {
            // refused below
        }
        if (id == null || jdbc.sql("SELECT COUNT(*) FROM root_causes WHERE id = ?").param(id).query(Long.class).single() == 0) {
            throw InvalidInput.of(FieldError.of(field, "unknown-cause", "unknown root cause \""
                    + Objects.toString(text, "") + "\"", Objects.toString(text, "")));
        }
        return id;
    }

    boolean mayWrite(Actor actor) {
        return actor.atLeast(Role.DEVELOPER);
    }

    private void mustWrite(Actor actor) {
        if (!mayWrite(actor)) {
            throw new Forbidden("postmortem-forbidden", "only a developer or above may write a post-mortem");
        }
    }
}
