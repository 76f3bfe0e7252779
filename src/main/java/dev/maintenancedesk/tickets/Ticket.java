package dev.maintenancedesk.tickets;

import dev.maintenancedesk.tickets.TicketView.Field;
import dev.maintenancedesk.accounts.Actor;
import dev.maintenancedesk.accounts.Role;
import dev.maintenancedesk.plan.Priority;
import dev.maintenancedesk.plan.TicketType;
import dev.maintenancedesk.problem.Conflict;
import dev.maintenancedesk.problem.FieldError;
import dev.maintenancedesk.problem.Forbidden;
import dev.maintenancedesk.problem.InvalidInput;
import dev.maintenancedesk.problem.NotFound;
import dev.maintenancedesk.problem.RequirementsUnmet;
import dev.maintenancedesk.problem.TextRules;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

/**
 * The Ticket aggregate. Every change of a ticket goes through one of its methods, which checks the
 * change (field rules, the actor's role, the workflow's moves and gates) and registers the past-tense
 * event that says what happened; the service saves the ticket and publishes those events, and the
 * history is written from them. Nothing outside may change its state or its collections.
 */
final class Ticket {

    static final int TITLE_MAX = 200;
    static final int DESCRIPTION_MAX_BYTES = 64 * 1024;
    static final int LABELS_MAX = 20;
    static final int USERNAME_MAX = 64;
    static final int TEAM_MAX = 64;
    static final int COMPONENT_MAX = 100;
    static final int TEST_EVIDENCE_MAX = 4000;
    static final int RELEASE_NOTE_MAX = 500;
    static final int REASON_MAX = 1000;
    static final int LINK_TARGET_MAX = 500;
    static final int COMMENT_MAX = 65536;
    private static final Pattern LABEL = Pattern.compile("[a-z0-9][a-z0-9._-]{0,49}");

    /** The ticket's own columns, as the repository reads and writes them (component name = column name). */
    record Row(long number, String title, String description, TicketType type, Priority priority, TicketState state,
            TicketState waitingFrom, String reporter, String assignee, String team, String component, String template,
            String testEvidence, String releaseNote, boolean apiImpact, boolean docsUpdated, boolean changelogUpdated,
            String validatedBy, int version, OffsetDateTime createdAt, OffsetDateTime updatedAt) {}

    private final long number;
    private String title;
    private String description;
    private TicketType type;
    private Priority priority;
    private final TreeSet<String> labels;
    private TicketState state;
    private TicketState waitingFrom;
    private final String reporter;
    private String assignee;
    private String team;
    private String component;
    private final String template;
    private String testEvidence;
    private String releaseNote;
    private boolean apiImpact;
    private boolean docsUpdated;
    private boolean changelogUpdated;
    private String validatedBy;
    private final List<TicketLink> links;
    private int version;
    /** The labels and links as stored: a write rewrites their rows only when they changed. */
    private Set<String> storedLabels;
    private List<TicketLink> storedLinks;
    private final Instant createdAt;
    private Instant updatedAt;
    private final List<Object> events = new ArrayList<>();

    Ticket(Row row, Set<String> labels, List<TicketLink> links) {
        this.number = row.number();
        this.title = row.title();
        this.description = row.description() == null ? "" : row.description();
        this.type = row.type();
        this.priority = row.priority();
        this.labels = new TreeSet<>(labels);
        this.state = row.state();
        this.waitingFrom = row.waitingFrom();
        this.reporter = row.reporter();
        this.assignee = row.assignee();
        this.team = row.team();
        this.component = row.component();
        this.template = row.template();
        this.testEvidence = row.testEvidence();
        this.releaseNote = row.releaseNote();
        this.apiImpact = row.apiImpact();
        this.docsUpdated = row.docsUpdated();
        this.changelogUpdated = row.changelogUpdated();
        this.validatedBy = row.validatedBy();
        this.links = new ArrayList<>(links);
        this.version = row.version();
        this.storedLabels = Set.copyOf(this.labels);
        this.storedLinks = List.copyOf(this.links);
        this.createdAt = row.createdAt().toInstant();
        this.updatedAt = row.updatedAt().toInstant();
    }

    Row row() {
        return new Row(number, title, description, type, priority, state, waitingFrom, reporter, assignee, team,
                component, template, testEvidence, releaseNote, apiImpact, docsUpdated, changelogUpdated, validatedBy,
                version, utc(createdAt), utc(updatedAt));
    }

    /**
     * Opens a ticket in state NEW. Every value is checked before a number is drawn, so a refused
     * request leaves no gap in the numbering. The initial values are recorded as one edit.
     */
    static Ticket open(NewTicket opening, String reporter, LongSupplier numbers, Instant now) {
        TicketView.Changes initial = new TicketView.Changes(0, opening.title(), opening.description(), opening.type(),
                opening.priority(), opening.labels(), opening.assignee(), opening.team(), opening.component(), null,
                null, null, null, null);
        String template = opening.template();
        List<FieldError> errors = new ArrayList<>();
        if (initial.title() == null || initial.title().isBlank()) {
            errors.add(FieldError.of("title", "required", "must not be blank"));
        }
        errors.addAll(problems(initial));
        if (!errors.isEmpty()) {
            throw InvalidInput.of(errors);
        }
        Row blank = new Row(numbers.getAsLong(), initial.title().strip(), "", null, null, TicketState.NEW, null,
                reporter, null, null, null, template, null, null, false, false, false, null, 0, utc(now), utc(now));
        Ticket ticket = new Ticket(blank, Set.of(), List.of());
        ticket.description = lf(initial.description()) == null ? "" : lf(initial.description());
        List<FieldChange> values = ticket.apply(initial).stream()
                .filter(c -> c.field() != Field.TITLE && c.field() != Field.DESCRIPTION)
                .map(c -> new FieldChange(c.field(), null, c.after()))
                .toList();
        ticket.register(new TicketCreated(ticket.number, ticket.type, ticket.priority, reporter, now));
        if (!values.isEmpty()) {
            ticket.register(new TicketEdited(ticket.number, values, reporter, now));
        }
        return ticket;
    }

    /** Applies a partial edit made by {@code actor}; records what actually changed (nothing for equal values). */
    void edit(TicketView.Changes changes, Actor actor, Instant now) {
        if (changes.version() == null) {
            throw InvalidInput.of(FieldError.of("version", "required", "is required (the version you read)"));
        }
        if (changes.version() != version) {
            throw stale();
        }
        Set<Field> editable = editableBy(actor);
        if (editable.isEmpty()) {
            throw new Forbidden("ticket-edit-forbidden", "a reporter may change only their own tickets");
        }
        Set<Field> sent = changes.fields();
        if (!editable.containsAll(sent)) {
            throw new Forbidden("ticket-fields-forbidden",
                    "a reporter may change only the title, description and labels of a ticket");
        }
        List<FieldError> errors = problems(changes);
        if (changes.title() != null && changes.title().isBlank()) {
            errors.addFirst(FieldError.of("title", "required", "must not be blank"));
        }
        if (!errors.isEmpty()) {
            throw InvalidInput.of(errors);
        }
        Priority before = priority;
        List<FieldChange> applied = apply(changes);
        if (applied.isEmpty()) {
            return;
        }
        updatedAt = now;
        register(new TicketEdited(number, applied, actor.username(), now));
        if (before != priority) {
            register(new TicketPriorityChanged(number, before, priority, actor.username(), now));
        }
    }

    /** Moves to {@code to} if the move exists, the actor's role allows it and its gate is met. */
    void transition(TicketState to, String reason, Integer expectedVersion, Actor actor, Workflow workflow,
            Instant now) {
        if (to == null) {
            throw InvalidInput.of(FieldError.of("to", "required", "is required (the state to move to)"));
        }
        if (expectedVersion != null && expectedVersion != version) {
            throw stale();
        }
        List<TicketState> moves = Workflow.moves(state, waitingFrom);
        if (!moves.contains(to)) {
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("from", state);
            properties.put("to", to);
            properties.put("allowed", moves);
            throw new Conflict("transition-not-allowed", "Ticket #" + number + " cannot go from " + state + " to "
                    + to + ".", properties, String.valueOf(number), state, to);
        }
        if (!Workflow.permits(actor, state, reporter, to)) {
            throw new Forbidden("move-forbidden", actor.username() + " (" + actor.role() + ") may not move ticket #"
                    + number + " from " + state + " to " + to + ".", String.valueOf(number), state, to);
        }
        String why = normalize(TextRules.check("reason", reason, REASON_MAX));
        List<String> missing = new ArrayList<>();
        if (Workflow.needsReason(state, to) && why == null) {
            missing.add("reason");
        }
        missing.addAll(workflow.unmet(this, to));
        if (!missing.isEmpty()) {
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("from", state);
            properties.put("to", to);
            throw new RequirementsUnmet("gate-not-met", "Ticket #" + number + " cannot go from " + state + " to " + to
                    + " yet: missing " + String.join(", ", missing) + ".", missing, properties);
        }
        TicketState from = state;
        if (to == TicketState.WAITING) {
            waitingFrom = from;
        } else if (from == TicketState.WAITING) {
            waitingFrom = null;
        }
        if (to == TicketState.CLOSED) {
            validatedBy = actor.username();
        } else if (Workflow.isReopening(from, to)) {
            validatedBy = null;
        }
        state = to;
        updatedAt = now;
        register(new TicketTransitioned(number, from, to, actor.username(), why, now, reporter));
    }

    /**
     * Closes a ticket that was just imported (still NEW) at the moment its source closed it: history is
     * recorded as it happened elsewhere, so the workflow's gates (met outside the desk) are not asked
     * for. Only a lead or an integration may, and only on a NEW ticket.
     */
    void closeImported(String reason, Actor actor, Instant at) {
        if (!actor.atLeast(Role.LEAD)) {
            throw new Forbidden("import-forbidden", "only a lead, an admin or an integration may import tickets");
        }
        if (state != TicketState.NEW) {
            throw new Conflict("transition-not-allowed", "Ticket #" + number + " is " + state
                    + ": only a just-imported (NEW) ticket can be closed as imported.", Map.of("from", state),
                    String.valueOf(number), state, TicketState.CLOSED);
        }
        String why = normalize(TextRules.check("reason", reason, REASON_MAX));
        validatedBy = actor.username();
        state = TicketState.CLOSED;
        updatedAt = at;
        register(new TicketTransitioned(number, TicketState.NEW, TicketState.CLOSED, actor.username(), why, at,
                reporter));
    }

    /** The moves the actor's role lets them attempt now, each with what its gate still lacks. */
    List<Move> moves(Actor actor, Workflow workflow) {
        return Workflow.moves(state, waitingFrom).stream()
                .filter(to -> Workflow.permits(actor, state, reporter, to))
                .map(to -> {
                    List<String> missing = workflow.unmet(this, to);
                    return new Move(to, missing.isEmpty(), missing, Workflow.needsReason(state, to));
                })
                .toList();
    }

    /** What the actor may do with this ticket. */
    TicketPermissions permissions(Actor actor, Workflow workflow, GitHubRepository github) {
        return new TicketPermissions(moves(actor, workflow), editableBy(actor), mayLink(actor), mayComment(actor),
                mayMarkMerged(actor, github));
    }

    /**
     * Adds a link, or changes the merged flag of an existing one. A link to a ticket must name
     * another ticket; {@code exists} says whether a ticket number exists.
     */
    void link(TicketLink link, Actor actor, java.util.function.LongPredicate exists, GitHubRepository github,
            Instant now) {
        if (!mayLink(actor)) {
            throw new Forbidden("link-forbidden", "only a developer or above may link changes to a ticket");
        }
        TicketLink normalized = checkLink(link, github);
        boolean mergedBefore = links.stream().filter(l -> l.kind() == normalized.kind()
                && l.target().equals(normalized.target())).anyMatch(l -> Boolean.TRUE.equals(l.merged()));
        if (normalized.kind() == LinkKind.PULL_REQUEST && !mayMarkMerged(actor, github)
                && Boolean.TRUE.equals(normalized.merged()) != mergedBefore) {
            throw new Forbidden("merged-from-github", "GitHub is connected: a pull request's merge is learnt from "
                    + "GitHub, it cannot be set by hand");
        }
        if (normalized.kind().pointsAtTicket()) {
            long other = ticketReference(normalized.target());
            if (other == number) {
                throw InvalidInput.of(FieldError.of("target", "self-link", "a ticket cannot be linked to itself"));
            }
            if (!exists.test(other)) {
                throw new NotFound("ticket-not-found", "There is no ticket #" + other + ".", String.valueOf(other));
            }
        }
        for (int i = 0; i < links.size(); i++) {
            TicketLink existing = links.get(i);
            if (existing.kind() == normalized.kind() && existing.target().equals(normalized.target())) {
                if (!existing.equals(normalized)) {
                    links.set(i, normalized);
                    updatedAt = now;
                    register(new TicketLinked(number, existing, normalized, actor.username(), now));
                }
                return;
            }
        }
        links.add(normalized);
        updatedAt = now;
        register(new TicketLinked(number, null, normalized, actor.username(), now));
    }

    /**
     * Without GitHub the team says a pull request is merged (the merged flag, which the MERGED gate reads);
     * once the repository is connected only GitHub's own events say so, so the gate cannot be met by hand.
     */
    private boolean mayMarkMerged(Actor actor, GitHubRepository github) {
        return mayLink(actor) && (github.repository() == null || actor.automation());
    }

    void unlink(LinkKind kind, String target, Actor actor, Instant now) {
        if (!mayLink(actor)) {
            throw new Forbidden("unlink-forbidden", "only a developer or above may unlink changes from a ticket");
        }
        if (kind == null) {
            throw InvalidInput.of(FieldError.of("kind", "required", "is required"));
        }
        String wanted = TextRules.check("target", target == null ? "" : target, LINK_TARGET_MAX).strip();
        for (TicketLink existing : links) {
            if (existing.kind() == kind && existing.target().equals(wanted)) {
                links.remove(existing);
                updatedAt = now;
                register(new TicketUnlinked(number, existing, actor.username(), now));
                return;
            }
        }
        throw InvalidInput.of(FieldError.of("target", "no-such-link",
                "ticket #" + number + " has no " + kind + " link to " + wanted));
    }

    /**
     * Records that the actor saved this ticket's post-mortem (the postmortem module keeps its text): a
     * history entry, no change of the ticket's fields or version.
     */
    void recordPostmortem(Actor actor, Instant now) {
        if (!actor.atLeast(Role.DEVELOPER)) {
            throw new Forbidden("postmortem-forbidden", "only a developer or above may write a post-mortem");
        }
        register(new TicketPostmortemSaved(number, actor.username(), now));
    }

    /** Checks a comment the actor wants to add; returns its text as it is stored. */
    String comment(String body, Actor actor) {
        if (!mayComment(actor)) {
            throw new Forbidden("comment-forbidden", "a reporter may comment only on their own tickets");
        }
        if (body == null || body.isBlank()) {
            throw InvalidInput.of(FieldError.of("body", "required", "must not be blank"));
        }
        return lf(TextRules.check("body", body, COMMENT_MAX));
    }

    /** Fields this actor may change: all for developers and above, the own text of their tickets for reporters. */
    Set<Field> editableBy(Actor actor) {
        if (actor.atLeast(Role.DEVELOPER)) {
            // The state, links and comments change through their own operations, never through an edit.
            return EnumSet.complementOf(EnumSet.of(Field.STATE, Field.LINKS, Field.COMMENT, Field.POSTMORTEM));
        }
        if (!actor.username().equals(reporter)) {
            return EnumSet.noneOf(Field.class);
        }
        EnumSet<Field> own = EnumSet.noneOf(Field.class);
        for (Field field : Field.values()) {
            if (field.reporterMayEdit()) {
                own.add(field);
            }
        }
        return own;
    }

    boolean mayLink(Actor actor) {
        return actor.atLeast(Role.DEVELOPER);
    }

    boolean mayComment(Actor actor) {
        return actor.atLeast(Role.DEVELOPER) || actor.username().equals(reporter);
    }

    /** The events registered since the ticket was loaded, handed out once for publication. */
    List<Object> releaseEvents() {
        List<Object> released = List.copyOf(events);
        events.clear();
        return released;
    }

    boolean hasPullRequest() {
        return links.stream().anyMatch(l -> l.kind() == LinkKind.PULL_REQUEST);
    }

    boolean hasMergedPullRequest() {
        return links.stream().anyMatch(TicketLink::isMergedPullRequest);
    }

    TicketView view(ZoneId zone) {
        return new TicketView(number, title, description, type, priority, List.copyOf(labels), state, waitingFrom,
                reporter, assignee, team, component, template, testEvidence, releaseNote, apiImpact, docsUpdated,
                changelogUpdated, validatedBy, List.copyOf(links), version, createdAt.atZone(zone).toOffsetDateTime(),
                updatedAt.atZone(zone).toOffsetDateTime());
    }

    // --- field rules: one place for API and forms alike ---

    /** Every value of {@code c} that breaks a field rule, each naming its field. */
    private static List<FieldError> problems(TicketView.Changes c) {
        List<FieldError> errors = new ArrayList<>();
        add(errors, TextRules.problem("title", c.title() == null ? null : c.title().strip(), TITLE_MAX));
        add(errors, TextRules.problem("description", c.description(), 0));
        if (c.description() != null && c.description().getBytes(StandardCharsets.UTF_8).length > DESCRIPTION_MAX_BYTES) {
            errors.add(FieldError.of("description", "too-large", "must be at most 64 KiB (65536 bytes in UTF-8)",
                    DESCRIPTION_MAX_BYTES));
        }
        if (c.labels() != null) {
            if (c.labels().size() > LABELS_MAX) {
                errors.add(FieldError.of("labels", "too-many", "at most " + LABELS_MAX + " labels", LABELS_MAX));
            }
            for (int i = 0; i < c.labels().size(); i++) {
                String label = c.labels().get(i);
                if (label == null || !LABEL.matcher(label).matches()) {
                    FieldError text = TextRules.problem("labels[" + i + "]", label, 50);
                    errors.add(text != null ? text : FieldError.of("labels[" + i + "]", "label",
                            "\"" + label + "\" is not a label (lower case letters, digits, '-', '.', '_'; at most 50 characters)",
                            label));
                }
            }
        }
        add(errors, TextRules.problem("assignee", c.assignee(), USERNAME_MAX));
        add(errors, TextRules.problem("team", c.team(), TEAM_MAX));
        add(errors, TextRules.problem("component", c.component(), COMPONENT_MAX));
        add(errors, TextRules.problem("testEvidence", normalize(c.testEvidence()), TEST_EVIDENCE_MAX));
        add(errors, TextRules.problem("releaseNote", c.releaseNote(), RELEASE_NOTE_MAX));
        return errors;
    }

    private static void add(List<FieldError> errors, FieldError error) {
        if (error != null) {
            errors.add(error);
        }
    }

    /** Sets every given value (already checked); returns the changes in field order. */
    private List<FieldChange> apply(TicketView.Changes c) {
        List<FieldChange> changes = new ArrayList<>();
        if (c.title() != null) set(Field.TITLE, title, c.title().strip(), v -> title = v, changes);
        if (c.description() != null) set(Field.DESCRIPTION, description, lf(c.description()), v -> description = v,
                changes);
        if (c.type() != null) set(Field.TYPE, type, c.type(), v -> type = v, changes);
        if (c.priority() != null) set(Field.PRIORITY, priority, c.priority(), v -> priority = v, changes);
        if (c.labels() != null) {
            TreeSet<String> next = new TreeSet<>(c.labels());
            if (!next.equals(labels)) {
                changes.add(FieldChange.of(Field.LABELS, String.join(",", labels), String.join(",", next)));
                labels.clear();
                labels.addAll(next);
            }
        }
        if (c.assignee() != null) set(Field.ASSIGNEE, assignee, normalize(c.assignee()), v -> assignee = v, changes);
        if (c.team() != null) set(Field.TEAM, team, normalize(c.team()), v -> team = v, changes);
        if (c.component() != null) set(Field.COMPONENT, component, normalize(c.component()), v -> component = v, changes);
        if (c.testEvidence() != null) set(Field.TEST_EVIDENCE, testEvidence, normalize(c.testEvidence()),
                v -> testEvidence = v, changes);
        if (c.releaseNote() != null) set(Field.RELEASE_NOTE, releaseNote, normalize(c.releaseNote()),
                v -> releaseNote = v, changes);
        if (c.apiImpact() != null) set(Field.API_IMPACT, apiImpact, c.apiImpact(), v -> apiImpact = v, changes);
        if (c.docsUpdated() != null) set(Field.DOCS_UPDATED, docsUpdated, c.docsUpdated(), v -> docsUpdated = v, changes);
        if (c.changelogUpdated() != null) set(Field.CHANGELOG_UPDATED, changelogUpdated, c.changelogUpdated(),
                v -> changelogUpdated = v, changes);
        return changes;
    }

    private static <T> void set(Field field, T before, T after, Consumer<T> setter, List<FieldChange> changes) {
        if (!Objects.equals(before, after)) {
            setter.accept(after);
            changes.add(FieldChange.of(field, before, after));
        }
    }

    private static TicketLink checkLink(TicketLink link, GitHubRepository github) {
        List<FieldError> errors = new ArrayList<>();
        if (link.kind() == null) {
            errors.add(FieldError.of("kind", "required", "is required"));
        }
        if (link.target() == null || link.target().isBlank()) {
            errors.add(FieldError.of("target", "required", "must not be blank"));
        } else {
            add(errors, TextRules.problem("target", link.target().strip(), LINK_TARGET_MAX));
            if (errors.isEmpty() && link.kind() != null) {
                add(errors, link.problem(github));
            }
        }
        if (!errors.isEmpty()) {
            throw InvalidInput.of(errors);
        }
        return link.normalized();
    }

    private static long ticketReference(String target) {
        String digits = target.startsWith("#") ? target.substring(1) : target;
        try {
            long n = Long.parseLong(digits);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw InvalidInput.of(FieldError.of("target", "ticket-reference",
                "\"" + target + "\" is not a ticket reference like #12", target));
    }

    private Conflict stale() {
        return new Conflict("stale-version", "Ticket #" + number + " was changed by someone else (now at version "
                + version + "); reload it and apply your change again.", Map.of("currentVersion", version), number,
                version);
    }

    private void register(Object event) {
        events.add(event);
    }

    /** Blank means "none"; browsers send text areas with CRLF line ends, stored texts use LF. */
    private static String normalize(String value) {
        return value == null || value.isBlank() ? null : value.strip().replace("\r\n", "\n");
    }

    private static String lf(String value) {
        return value == null ? null : value.replace("\r\n", "\n");
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    long number() { return number; }
    TicketType type() { return type; }
    Priority priority() { return priority; }
    Set<String> labels() { return Collections.unmodifiableSet(labels); }
    TicketState state() { return state; }
    String reporter() { return reporter; }
    String assignee() { return assignee; }
    String testEvidence() { return testEvidence; }
    String releaseNote() { return releaseNote; }
    boolean apiImpact() { return apiImpact; }
    boolean docsUpdated() { return docsUpdated; }
    boolean changelogUpdated() { return changelogUpdated; }
    List<TicketLink> links() { return Collections.unmodifiableList(links); }
    int version() { return version; }

    boolean labelsChanged() { return !storedLabels.equals(labels); }

    boolean linksChanged() { return !storedLinks.equals(links); }

    /**
     * The change was written: the ticket is now at the version the database gave it (so that the answer
     * names the version the next edit must send) and its labels and links are as stored.
     */
    void stored(boolean updated) {
        if (updated) {
            version++;
        }
        storedLabels = Set.copyOf(labels);
        storedLinks = List.copyOf(links);
    }
}
