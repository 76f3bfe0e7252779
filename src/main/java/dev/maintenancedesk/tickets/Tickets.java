package dev.maintenancedesk.tickets;

import dev.maintenancedesk.accounts.Actor;
import dev.maintenancedesk.accounts.Role;
import dev.maintenancedesk.accounts.Users;
import dev.maintenancedesk.plan.Plan;
import dev.maintenancedesk.plan.Team;
import dev.maintenancedesk.plan.TemplateField;
import dev.maintenancedesk.plan.TicketTemplate;
import dev.maintenancedesk.problem.FieldError;
import dev.maintenancedesk.problem.Forbidden;
import dev.maintenancedesk.problem.InvalidInput;
import dev.maintenancedesk.problem.NotFound;
import dev.maintenancedesk.problem.TextRules;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tickets module's application service: it loads a ticket, asks the aggregate to make the change
 * (which checks it and registers what happened), saves it and publishes the registered events in the
 * same transaction; the history is written from those events ({@link TicketJournal}).
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
    private final GitHubRepository github;
    private final BeforeCommit beforeCommit;

    /** Gates come from modules that themselves use this service, hence the lazy provider. */
    Tickets(TicketRepository repository, Plan plan, Users users, ObjectProvider<TransitionGate> gates,
            ApplicationEventPublisher events, Clock clock, GitHubRepository github, BeforeCommit beforeCommit) {
        this.github = github;
        this.beforeCommit = beforeCommit;
        this.repository = repository;
        this.plan = plan;
        this.users = users;
        this.workflow = new Workflow(Set.copyOf(plan.testsExemptLabels()), users::find, gates);
        this.events = events;
        this.clock = clock;
        this.zone = plan.calendar().zone();
    }

    public TicketView create(NewTicket request, Actor actor) {
        return create(request, actor, clock.instant());
    }

    /**
     * Opens a ticket that was opened elsewhere at {@code openedAt} (an imported GitHub issue): its history
     * and SLA clocks start then. Only the desk's automations import; the moment cannot be in the future.
     */
    public TicketView importTicket(NewTicket request, Actor actor, Instant openedAt) {
        if (!actor.atLeast(Role.LEAD)) {
            throw new Forbidden("import-forbidden", "only a lead, an admin or an integration may import tickets");
        }
        if (openedAt == null || openedAt.isAfter(clock.instant())) {
            throw InvalidInput.of(FieldError.of("createdAt", "future", "must be a moment in the past"));
        }
        return create(request, actor, openedAt);
    }

    /**
     * Closes a just-imported ticket at the moment its source closed it (the workflow's gates are for work
     * done in the desk, not for history): see {@link Ticket#closeImported}.
     */
    public TicketView closeImported(long number, Instant closedAt, String reason, Actor actor) {
        Ticket ticket = load(number);
        ticket.closeImported(reason, actor, closedAt == null || closedAt.isAfter(clock.instant()) ? clock.instant()
                : closedAt);
        return save(ticket);
    }

    private TicketView create(NewTicket request, Actor actor, Instant openedAt) {
        if (request == null) {
            throw InvalidInput.of(FieldError.of(null, "required", "a JSON body is required"));
        }
        TextRules.check("template", request.template(), 40);
        TicketTemplate template = request.template() == null ? null : plan.template(request.template())
                .orElseThrow(() -> InvalidInput.of(FieldError.of("template", "unknown-template", "unknown template \""
                        + request.template() + "\" (known: " + String.join(", ", plan.templates().stream()
                                .map(TicketTemplate::key).toList()) + ")", request.template())));
        if (request.assignee() != null && !request.assignee().isBlank()) {
            if (!mayAssign(actor)) {
                throw new Forbidden("assign-forbidden", "only a developer or above may assign a ticket");
            }
            checkAssignee(request.assignee());
        }
        checkTeam(request.team());
        List<String> labels = new ArrayList<>(request.labels() == null ? List.of() : request.labels());
        String description = request.description();
        if (template != null) {
            template.labels().stream().filter(l -> !labels.contains(l)).forEach(labels::add);
            description = compose(template, request.description(), request.fields());
        } else if (request.fields() != null && !request.fields().isEmpty()) {
            throw InvalidInput.of(FieldError.of("fields", "template-only", "fields are only accepted with a template"));
        }
        NewTicket opening = new NewTicket(request.title(), description,
                request.type() != null ? request.type() : template == null ? null : template.type(),
                request.priority() != null ? request.priority() : template == null ? null : template.priority(),
                labels, request.assignee(), request.team(), request.component(),
                template == null ? null : template.key(), null);
        Ticket ticket = Ticket.open(opening, actor.username(), repository::nextNumber, openedAt);
        repository.insert(ticket);
        ticket.stored(false);
        TicketView view = ticket.view(zone);
        beforeCommit.wrote(view, true);
        publish(ticket);
        return view;
    }

    /** Whether the actor may name an assignee when opening a ticket. */
    public boolean mayAssign(Actor actor) {
        return actor.atLeast(Role.DEVELOPER);
    }

    /** One statement: no transaction of its own (see {@link #list}). */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public TicketView get(long number) {
        return load(number).view(zone);
    }

    public TicketView update(long number, TicketView.Changes changes, Actor actor) {
        Ticket ticket = load(number);
        // A new assignee must be an active developer; keeping the current one (since disabled) is no change.
        if (changes.assignee() != null && !changes.assignee().isBlank()
                && !changes.assignee().strip().equals(ticket.assignee())) {
            checkAssignee(changes.assignee());
        }
        checkTeam(changes.team());
        ticket.edit(changes, actor, clock.instant());
        return save(ticket);
    }

    public TicketView transition(long number, TransitionRequest request, Actor actor) {
        Ticket ticket = load(number);
        ticket.transition(request.to(), request.reason(), request.version(), actor, workflow, clock.instant());
        return save(ticket);
    }

    /** What the actor may do with the ticket now: moves with their unmet requirements, editable fields. */
    @Transactional(readOnly = true)
    public TicketPermissions permissions(long number, Actor actor) {
        return load(number).permissions(actor, workflow, github);
    }

    /** The moves the actor may attempt now, each with what its gate still lacks. */
    @Transactional(readOnly = true)
    public List<Move> moves(long number, Actor actor) {
        return load(number).moves(actor, workflow);
    }

    /**
     * The moves of a listed ticket the actor's role allows, without its gates (no database access; the
     * gate answers when the move is attempted): what a board card offers.
     */
    public List<Move> moves(TicketSummary ticket, Actor actor) {
        return Workflow.moves(ticket.state(), ticket.waitingFrom()).stream()
                .filter(to -> Workflow.permits(actor, ticket.state(), ticket.reporter(), to))
                .map(to -> new Move(to, true, List.of(), Workflow.needsReason(ticket.state(), to)))
                .toList();
    }

    public TicketView link(long number, TicketLink link, Actor actor) {
        Ticket ticket = load(number);
        ticket.link(link, actor, repository::exists, github, clock.instant());
        return save(ticket);
    }

    public TicketView unlink(long number, LinkKind kind, String target, Actor actor) {
        Ticket ticket = load(number);
        ticket.unlink(kind, target, actor, clock.instant());
        return save(ticket);
    }

    /**
     * Records in the ticket's history that the actor saved its post-mortem (what the postmortem module
     * calls after writing it); the ticket's fields and version stay as they are.
     */
    public void recordPostmortem(long number, Actor actor) {
        Ticket ticket = load(number);
        ticket.recordPostmortem(actor, clock.instant());
        publish(ticket);
    }

    /** Comments live beside the ticket: adding one changes neither its fields nor its version. */
    public Comment comment(long number, String body, Actor actor) {
        Ticket ticket = load(number);
        String text = ticket.comment(body, actor);
        Instant now = clock.instant();
        long id = repository.addComment(number, actor.username(), text, now);
        events.publishEvent(new TicketCommented(number, id, actor.username(), now));
        return new Comment(id, actor.username(), text, now.atZone(zone).toOffsetDateTime());
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

    /** A ticket with its whole history, as the work before a write's commit gets it ({@link BeforeCommit}). */
    @Transactional(readOnly = true)
    public Optional<WrittenTicket> written(long number) {
        return Optional.ofNullable(beforeCommit.read(number, null, false));
    }

    /** The histories of several tickets at once; unknown numbers are left out. */
    @Transactional(readOnly = true)
    public Map<Long, TicketHistory> histories(Collection<Long> numbers) {
        return repository.histories(numbers, zone);
    }

    /** A page is one statement: no transaction of its own (BEGIN and COMMIT were two more round trips). */
    @Override
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public TicketPage list(TicketFilter filter, Long after, int limit) {
        int size = Math.max(1, Math.min(limit, MAX_PAGE));
        List<TicketSummary> rows = repository.list(checked(filter), after, size + 1);
        boolean more = rows.size() > size;
        List<TicketSummary> items = more ? rows.subList(0, size) : rows;
        return new TicketPage(List.copyOf(items), more ? items.getLast().number() : null);
    }

    /** A page newest first after the cursor the previous page handed out ({@code nextAfter}: a ticket number). */
    @Override
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public TicketPage listNewest(TicketFilter filter, String after, int limit) {
        return list(filter, after == null || after.isBlank() ? null : numberCursor(after), limit);
    }

    @Override
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public TicketPage listByDue(TicketFilter filter, String after, int limit) {
        int size = Math.max(1, Math.min(limit, MAX_PAGE));
        List<TicketSummary> rows = repository.listByDue(checked(filter), DueCursor.parse(after), size + 1);
        boolean more = rows.size() > size;
        List<TicketSummary> items = more ? rows.subList(0, size) : rows;
        String next = more ? DueCursor.after(items.getLast()).toString() : null;
        return new TicketPage(List.copyOf(items), null, next);
    }

    /**
     * Records when the ticket is next due (the earliest deadline of its counting SLA clocks), which
     * orders the "most urgent first" lists. Derived data: no version change, no history entry.
     */
    public void recordDue(long number, Instant due) {
        repository.recordDue(number, due);
    }

    /** {@link #recordDue(long, Instant)} for many tickets at once (a rebuild of the SLA projection). */
    public void recordDue(Map<Long, Instant> due) {
        repository.recordDue(due);
    }

    /**
     * The next tickets after {@code after} by number, at most {@code limit}, each with the history entries
     * its SLA clocks are computed from (state transitions and priorities set; no actor or reason), read in
     * one query: what a rebuild of every ticket's clocks streams through, batch after batch.
     */
    @Transactional(readOnly = true)
    public List<TicketHistory> clockHistories(long after, int limit) {
        return repository.clockHistories(after, Math.max(1, limit));
    }

    private static long numberCursor(String after) {
        try {
            long number = Long.parseLong(after.strip());
            if (number > 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw InvalidInput.of(FieldError.of("after", "cursor", "\"" + after
                + "\" is not a cursor of this list (use the nextAfter of the previous page)", after));
    }

    private static TicketFilter checked(TicketFilter filter) {
        TextRules.check("label", filter.label(), 50);
        TextRules.check("assignee", filter.assignee(), Ticket.USERNAME_MAX);
        TextRules.check("team", filter.team(), Ticket.TEAM_MAX);
        TextRules.check("text", filter.text(), Ticket.TITLE_MAX);
        return filter;
    }

    private Ticket load(long number) {
        return repository.find(number).orElseThrow(() -> new NotFound("ticket-not-found",
                "There is no ticket #" + number + ".", String.valueOf(number)));
    }

    /** Writes the ticket if it changed, then publishes what the aggregate registered; answers it as written. */
    private TicketView save(Ticket ticket) {
        List<Object> registered = ticket.releaseEvents();
        if (registered.isEmpty()) {
            return ticket.view(zone);
        }
        if (!repository.update(ticket)) {
            int current = repository.currentVersion(ticket.number());
            throw new dev.maintenancedesk.problem.Conflict("stale-version", "Ticket #" + ticket.number()
                    + " was changed by someone else (now at version " + current
                    + "); reload it and apply your change again.", Map.of("currentVersion", current),
                    ticket.number(), current);
        }
        ticket.stored(true);
        TicketView view = ticket.view(zone);
        beforeCommit.wrote(view, false);
        registered.forEach(events::publishEvent);
        return view;
    }

    private void publish(Ticket ticket) {
        ticket.releaseEvents().forEach(events::publishEvent);
    }

    private void checkAssignee(String username) {
        TextRules.check("assignee", username, Ticket.USERNAME_MAX);
        var user = users.find(username.strip())
                .orElseThrow(() -> InvalidInput.of(FieldError.of("assignee", "unknown-user",
                        "unknown user \"" + username + "\"", username)));
        if (!user.enabled() || !user.role().atLeast(Role.DEVELOPER)) {
            throw InvalidInput.of(FieldError.of("assignee", "not-a-developer",
                    username + " is not an active DEVELOPER or above", username));
        }
    }

    /** A team must be one of the plan's: its calendar drives the ticket's SLA clocks. */
    private void checkTeam(String team) {
        TextRules.check("team", team, Ticket.TEAM_MAX);
        if (team != null && !team.isBlank() && plan.team(team.strip()).isEmpty()) {
            throw InvalidInput.of(FieldError.of("team", "unknown-team", "unknown team \"" + team
                    + "\" (the plan's teams: " + String.join(", ", plan.teams().stream().map(Team::key).toList())
                    + ")", team));
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
            FieldError text = TextRules.problem("fields." + field.key(), value, field.maxLength());
            if (value == null || value.isBlank()) {
                if (field.required()) {
                    errors.add(FieldError.of("fields." + field.key(), "required-by-template",
                            "is required by the " + template.key() + " template", template.key()));
                }
            } else if (text != null) {
                errors.add(text);
            } else {
                values.put(field.label().in(plan.language()), value.strip().replace("\r\n", "\n"));
            }
        }
        new TreeSet<>(fields.keySet()).stream().filter(k -> !known.contains(k))
                .forEach(k -> errors.add(FieldError.of("fields." + k, "not-in-template",
                        "is not a field of the " + template.key() + " template", template.key())));
        if (!errors.isEmpty()) {
            throw InvalidInput.of(errors);
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
}
