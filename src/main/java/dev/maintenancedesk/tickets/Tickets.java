package dev.maintenancedesk.tickets;

import dev.maintenancedesk.accounts.Actor;
import dev.maintenancedesk.accounts.Role;
import dev.maintenancedesk.accounts.Users;
import dev.maintenancedesk.plan.Plan;
import dev.maintenancedesk.plan.TemplateField;
import dev.maintenancedesk.plan.TicketTemplate;
import dev.maintenancedesk.tickets.TicketProblems.FieldError;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tickets module's application service: every change goes through the aggregate, is written with
 * its history entries in one transaction, and is announced as an event for the modules above.
 */
@Service
@Transactional
public class Tickets implements TicketQueries {

    static final int MAX_PAGE = 200;

    private final TicketRepository repository;
    private final Plan plan;
    private final Users users;
    private final Workflow workflow;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ZoneId zone;

    /** Gates come from modules that themselves use this service, hence the lazy provider. */
    Tickets(TicketRepository repository, Plan plan, Users users, ObjectProvider<TransitionGate> gates,
            ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.plan = plan;
        this.users = users;
        this.workflow = new Workflow(Set.copyOf(plan.testsExemptLabels()), users::find, gates);
        this.events = events;
        this.clock = clock;
        this.zone = plan.calendar().zone();
    }

    public TicketView create(NewTicket request, Actor actor) {
        TicketTemplate template = request.template() == null ? null : plan.template(request.template())
                .orElseThrow(() -> TicketProblems.invalid("template", "unknown template \"" + request.template()
                        + "\" (known: " + String.join(", ", plan.templates().stream().map(TicketTemplate::key).toList()) + ")"));
        if (request.assignee() != null && !request.assignee().isBlank()) {
            requireRole(actor, Role.DEVELOPER, "only a developer or above may assign a ticket");
            checkAssignee(request.assignee());
        }
        checkTeam(request.team());
        Set<String> labels = new TreeSet<>(request.labels() == null ? List.of() : request.labels());
        String description = request.description();
        if (template != null) {
            labels.addAll(template.labels());
            description = compose(template, request.description(), request.fields());
        } else if (request.fields() != null && !request.fields().isEmpty()) {
            throw TicketProblems.invalid("fields", "fields are only accepted with a template");
        }
        Instant now = clock.instant();
        Ticket ticket = Ticket.open(repository.nextNumber(), request.title(), description,
                request.type() != null ? request.type() : template == null ? null : template.type(),
                request.priority() != null ? request.priority() : template == null ? null : template.priority(),
                labels, actor.username(), request.assignee(), request.team(), request.component(),
                template == null ? null : template.key(), now);
        repository.insert(ticket);
        repository.append(ticket.number(), now, actor.username(), "CREATED", null, null);
        initialValues(ticket).forEach(c -> repository.append(ticket.number(), now, actor.username(), "UPDATED", c, null));
        events.publishEvent(new TicketCreated(ticket.number(), ticket.type(), ticket.priority(), actor.username(), now));
        return ticket.view(zone);
    }

    @Transactional(readOnly = true)
    public TicketView get(long number) {
        return load(number).view(zone);
    }

    public TicketView update(long number, TicketChanges changes, Actor actor) {
        Ticket ticket = load(number);
        if (changes.version() != ticket.version()) {
            throw TicketProblems.stale(number, ticket.version());
        }
        checkMayEdit(ticket, changes, actor);
        if (changes.assignee() != null && !changes.assignee().isBlank()) {
            checkAssignee(changes.assignee());
        }
        checkTeam(changes.team());
        Instant now = clock.instant();
        var before = ticket.priority();
        List<FieldChange> applied = ticket.edit(changes, now);
        save(ticket, applied, "UPDATED", actor, null, now);
        if (before != ticket.priority()) {
            events.publishEvent(new TicketPriorityChanged(number, before, ticket.priority(), actor.username(), now));
        }
        return get(number);
    }

    public TicketView transition(long number, TransitionRequest request, Actor actor) {
        Ticket ticket = load(number);
        if (request.version() != null && request.version() != ticket.version()) {
            throw TicketProblems.stale(number, ticket.version());
        }
        TicketState from = ticket.state();
        List<TicketState> moves = Workflow.moves(ticket);
        if (!moves.contains(request.to())) {
            throw TicketProblems.transitionNotAllowed(number, from, request.to(), moves);
        }
        if (!Workflow.permits(actor, ticket, request.to())) {
            throw TicketProblems.forbidden(actor.username() + " (" + actor.role() + ") may not move ticket #" + number
                    + " from " + from + " to " + request.to() + ".");
        }
        List<String> missing = workflow.unmet(ticket, request.to(), request.reason());
        if (!missing.isEmpty()) {
            throw TicketProblems.gateNotMet(number, from, request.to(), missing);
        }
        Instant now = clock.instant();
        FieldChange change = ticket.moveTo(request.to(), actor.username(), now);
        String reason = request.reason() == null || request.reason().isBlank() ? null : request.reason().strip();
        save(ticket, List.of(change), "TRANSITIONED", actor, reason, now);
        events.publishEvent(new TicketTransitioned(number, from, request.to(), actor.username(), reason, now));
        return get(number);
    }

    /** The moves the actor's role allows on a listed ticket, gates aside (no database access). */
    public List<TicketState> moves(TicketSummary ticket, Actor actor) {
        return Workflow.moves(ticket.state(), ticket.waitingFrom()).stream()
                .filter(to -> Workflow.permits(actor, ticket.state(), ticket.reporter(), to))
                .toList();
    }

    /**
     * For each move the actor may attempt now, the gate requirements still unmet (a reason, asked
     * when moving, is left out): what the UI shows next to a blocked transition.
     */
    @Transactional(readOnly = true)
    public Map<TicketState, List<String>> requirements(long number, Actor actor) {
        Ticket ticket = load(number);
        Map<TicketState, List<String>> requirements = new LinkedHashMap<>();
        for (TicketState to : Workflow.moves(ticket)) {
            if (Workflow.permits(actor, ticket, to)) {
                requirements.put(to, workflow.unmet(ticket, to, "given when moving"));
            }
        }
        return requirements;
    }

    public TicketView link(long number, TicketLink link, Actor actor) {
        requireRole(actor, Role.DEVELOPER, "only a developer or above may link changes to a ticket");
        Ticket ticket = load(number);
        if (link.kind().pointsAtTicket()) {
            long other = ticketReference(link.target());
            if (other == number) {
                throw TicketProblems.invalid("target", "a ticket cannot be linked to itself");
            }
            load(other);
        }
        Instant now = clock.instant();
        FieldChange change = ticket.link(link, now);
        if (change != null) {
            save(ticket, List.of(change), "LINKED", actor, null, now);
        }
        return get(number);
    }

    public TicketView unlink(long number, LinkKind kind, String target, Actor actor) {
        requireRole(actor, Role.DEVELOPER, "only a developer or above may unlink changes from a ticket");
        Ticket ticket = load(number);
        Instant now = clock.instant();
        FieldChange change = ticket.unlink(kind, target, now);
        if (change == null) {
            throw TicketProblems.invalid("target", "ticket #" + number + " has no " + kind + " link to " + target);
        }
        save(ticket, List.of(change), "UNLINKED", actor, null, now);
        return get(number);
    }

    public Comment comment(long number, String body, Actor actor) {
        Ticket ticket = load(number);
        if (!actor.atLeast(Role.DEVELOPER) && !actor.username().equals(ticket.reporter())) {
            throw TicketProblems.forbidden("a reporter may comment only on their own tickets");
        }
        if (body == null || body.isBlank()) {
            throw TicketProblems.invalid("body", "must not be blank");
        }
        Instant now = clock.instant();
        long id = repository.addComment(number, actor.username(), body, now);
        repository.append(number, now, actor.username(), "COMMENTED", FieldChange.of("comment", null, id), null);
        return repository.comments(number, zone).stream().filter(c -> c.id() == id).findFirst().orElseThrow();
    }

    @Transactional(readOnly = true)
    public List<Comment> comments(long number) {
        load(number);
        return repository.comments(number, zone);
    }

    @Transactional(readOnly = true)
    public List<HistoryEntry> history(long number) {
        load(number);
        return repository.history(number, zone);
    }

    /** The histories of several tickets at once; unknown numbers are left out. */
    @Transactional(readOnly = true)
    public Map<Long, TicketHistory> histories(java.util.Collection<Long> numbers) {
        return repository.histories(numbers, zone);
    }

    @Override
    @Transactional(readOnly = true)
    public TicketPage list(TicketFilter filter, Long after, int limit) {
        int size = Math.max(1, Math.min(limit, MAX_PAGE));
        List<TicketSummary> rows = repository.list(filter, after, size + 1);
        boolean more = rows.size() > size;
        List<TicketSummary> items = more ? rows.subList(0, size) : rows;
        return new TicketPage(List.copyOf(items), more ? items.getLast().number() : null);
    }

    @Override
    @Transactional(readOnly = true)
    public TicketPage listByDue(TicketFilter filter, String after, int limit) {
        int size = Math.max(1, Math.min(limit, MAX_PAGE));
        List<TicketSummary> rows = repository.listByDue(filter, dueCursor(after), size + 1);
        boolean more = rows.size() > size;
        List<TicketSummary> items = more ? rows.subList(0, size) : rows;
        String next = null;
        if (more) {
            TicketSummary last = items.getLast();
            next = (last.dueAt() == null ? "-" : Long.toString(last.dueAt().toEpochMilli())) + "_" + last.number();
        }
        return new TicketPage(List.copyOf(items), null, next);
    }

    /**
     * Records when the ticket is next due (the earliest deadline of its counting SLA clocks), which
     * orders the "most urgent first" lists. Derived data: no version change, no history entry.
     */
    public void recordDue(long number, Instant due) {
        repository.recordDue(number, due);
    }

    private static TicketRepository.DueCursor dueCursor(String after) {
        if (after == null || after.isBlank()) {
            return null;
        }
        String[] parts = after.split("_", 2);
        try {
            if (parts.length != 2) {
                throw new NumberFormatException();
            }
            Instant due = parts[0].equals("-") ? null : Instant.ofEpochMilli(Long.parseLong(parts[0]));
            return new TicketRepository.DueCursor(due, Long.parseLong(parts[1]));
        } catch (NumberFormatException | java.time.DateTimeException e) {
            throw TicketProblems.invalid("after", "\"" + after + "\" is not a cursor of this list (use the nextCursor of the previous page)");
        }
    }

    private Ticket load(long number) {
        return repository.find(number).orElseThrow(() -> TicketProblems.notFound(number));
    }

    private void save(Ticket ticket, List<FieldChange> changes, String action, Actor actor, String reason, Instant now) {
        if (changes.isEmpty()) {
            return;
        }
        if (!repository.update(ticket)) {
            throw TicketProblems.stale(ticket.number(), repository.currentVersion(ticket.number()));
        }
        changes.forEach(c -> repository.append(ticket.number(), now, actor.username(), action, c, reason));
    }

    private void checkMayEdit(Ticket ticket, TicketChanges c, Actor actor) {
        if (actor.atLeast(Role.DEVELOPER)) {
            return;
        }
        if (!actor.username().equals(ticket.reporter())) {
            throw TicketProblems.forbidden("a reporter may change only their own tickets");
        }
        boolean onlyOwnText = c.type() == null && c.priority() == null && c.assignee() == null && c.team() == null
                && c.component() == null && c.testEvidence() == null && c.releaseNote() == null
                && c.apiImpact() == null && c.docsUpdated() == null && c.changelogUpdated() == null;
        if (!onlyOwnText) {
            throw TicketProblems.forbidden("a reporter may change only the title, description and labels of a ticket");
        }
    }

    private void checkAssignee(String username) {
        var user = users.find(username.strip())
                .orElseThrow(() -> TicketProblems.invalid("assignee", "unknown user \"" + username + "\""));
        if (!user.enabled() || !user.role().atLeast(Role.DEVELOPER)) {
            throw TicketProblems.invalid("assignee", username + " is not an active DEVELOPER or above");
        }
    }

    /** A team must be one of the plan's: its calendar drives the ticket's SLA clocks. */
    private void checkTeam(String team) {
        if (team != null && !team.isBlank() && plan.team(team.strip()).isEmpty()) {
            throw TicketProblems.invalid("team", "unknown team \"" + team + "\" (the plan's teams: "
                    + String.join(", ", plan.teams().stream().map(dev.maintenancedesk.plan.Team::key).toList()) + ")");
        }
    }

    private static void requireRole(Actor actor, Role role, String message) {
        if (!actor.atLeast(role)) {
            throw TicketProblems.forbidden(message);
        }
    }

    private static long ticketReference(String target) {
        String digits = target.strip().startsWith("#") ? target.strip().substring(1) : target.strip();
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw TicketProblems.invalid("target", "\"" + target + "\" is not a ticket reference like #12");
        }
    }

    /** Template fields become titled sections of the description, in the template's order. */
    private String compose(TicketTemplate template, String intro, Map<String, String> given) {
        Map<String, String> fields = given == null ? Map.of() : given;
        List<FieldError> errors = new ArrayList<>();
        Set<String> known = new HashSet<>();
        Map<String, String> values = new LinkedHashMap<>();
        for (TemplateField field : template.fields()) {
            known.add(field.key());
            String value = fields.get(field.key());
            if (value == null || value.isBlank()) {
                if (field.required()) {
                    errors.add(new FieldError("fields." + field.key(), "is required by the "
                            + template.key() + " template"));
                }
            } else if (field.maxLength() > 0 && value.length() > field.maxLength()) {
                errors.add(new FieldError("fields." + field.key(), "must be at most " + field.maxLength() + " characters"));
            } else {
                values.put(field.label().in(plan.language()), value.strip());
            }
        }
        fields.keySet().stream().filter(k -> !known.contains(k)).sorted()
                .forEach(k -> errors.add(new FieldError("fields." + k, "is not a field of the " + template.key() + " template")));
        if (!errors.isEmpty()) {
            throw TicketProblems.invalid(errors);
        }
        StringBuilder text = new StringBuilder(intro == null ? "" : intro.strip());
        values.forEach((label, value) -> {
            if (!text.isEmpty()) {
                text.append("\n\n");
            }
            text.append("### ").append(label).append("\n\n").append(value);
        });
        return text.toString();
    }

    private static List<FieldChange> initialValues(Ticket t) {
        List<FieldChange> values = new ArrayList<>();
        if (t.type() != null) values.add(FieldChange.of("type", null, t.type()));
        if (t.priority() != null) values.add(FieldChange.of("priority", null, t.priority()));
        if (!t.labels().isEmpty()) values.add(FieldChange.of("labels", null, String.join(",", t.labels())));
        if (t.assignee() != null) values.add(FieldChange.of("assignee", null, t.assignee()));
        if (t.team() != null) values.add(FieldChange.of("team", null, t.team()));
        if (t.component() != null) values.add(FieldChange.of("component", null, t.component()));
        return values;
    }
}
