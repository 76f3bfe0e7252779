package dev.maintenancedesk.tickets;

import dev.maintenancedesk.plan.Priority;
import dev.maintenancedesk.plan.TicketType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The Ticket aggregate. It guards its own fields; each edit returns the changes it made so that
 * every one of them lands in the append-only history. Workflow moves go through {@link Workflow}.
 */
final class Ticket {

    static final int TITLE_MAX = 200;
    static final int DESCRIPTION_MAX_BYTES = 64 * 1024;
    private static final Pattern LABEL = Pattern.compile("[a-z0-9][a-z0-9._-]{0,49}");

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
    private final int version;
    private final Instant createdAt;
    private Instant updatedAt;

    Ticket(long number, String title, String description, TicketType type, Priority priority, Set<String> labels,
            TicketState state, TicketState waitingFrom, String reporter, String assignee, String team,
            String component, String template, String testEvidence, String releaseNote, boolean apiImpact,
            boolean docsUpdated, boolean changelogUpdated, String validatedBy, List<TicketLink> links, int version,
            Instant createdAt, Instant updatedAt) {
        this.number = number;
        this.title = title;
        this.description = description == null ? "" : description;
        this.type = type;
        this.priority = priority;
        this.labels = new TreeSet<>(labels);
        this.state = state;
        this.waitingFrom = waitingFrom;
        this.reporter = reporter;
        this.assignee = assignee;
        this.team = team;
        this.component = component;
        this.template = template;
        this.testEvidence = testEvidence;
        this.releaseNote = releaseNote;
        this.apiImpact = apiImpact;
        this.docsUpdated = docsUpdated;
        this.changelogUpdated = changelogUpdated;
        this.validatedBy = validatedBy;
        this.links = new ArrayList<>(links);
        this.version = version;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
    }

    /** A new ticket in state NEW; fields are checked as for an edit. */
    static Ticket open(long number, String title, String description, TicketType type, Priority priority,
            Set<String> labels, String reporter, String assignee, String team, String component, String template,
            Instant now) {
        checkTitle(title);
        checkDescription(description);
        labels.forEach(Ticket::checkLabel);
        return new Ticket(number, title.strip(), description, type, priority, labels, TicketState.NEW, null, reporter,
                blankToNull(assignee), blankToNull(team), blankToNull(component), template, null, null, false, false,
                false, null, List.of(), 0, now, now);
    }

    /** Applies a partial edit; returns what actually changed (nothing for equal values). */
    List<FieldChange> edit(TicketChanges c, Instant now) {
        List<FieldChange> changes = new ArrayList<>();
        if (c.title() != null) {
            checkTitle(c.title());
            set("title", title, c.title().strip(), v -> title = v, changes);
        }
        if (c.description() != null) {
            checkDescription(c.description());
            set("description", description, c.description(), v -> description = v, changes);
        }
        if (c.type() != null) {
            set("type", type, c.type(), v -> type = v, changes);
        }
        if (c.priority() != null) {
            set("priority", priority, c.priority(), v -> priority = v, changes);
        }
        if (c.labels() != null) {
            c.labels().forEach(Ticket::checkLabel);
            TreeSet<String> next = new TreeSet<>(c.labels());
            if (!next.equals(labels)) {
                changes.add(FieldChange.of("labels", String.join(",", labels), String.join(",", next)));
                labels.clear();
                labels.addAll(next);
            }
        }
        if (c.assignee() != null) {
            set("assignee", assignee, blankToNull(c.assignee()), v -> assignee = v, changes);
        }
        if (c.team() != null) {
            set("team", team, blankToNull(c.team()), v -> team = v, changes);
        }
        if (c.component() != null) {
            set("component", component, blankToNull(c.component()), v -> component = v, changes);
        }
        if (c.testEvidence() != null) {
            set("testEvidence", testEvidence, blankToNull(c.testEvidence()), v -> testEvidence = v, changes);
        }
        if (c.releaseNote() != null) {
            set("releaseNote", releaseNote, blankToNull(c.releaseNote()), v -> releaseNote = v, changes);
        }
        if (c.apiImpact() != null) {
            set("apiImpact", apiImpact, c.apiImpact(), v -> apiImpact = v, changes);
        }
        if (c.docsUpdated() != null) {
            set("docsUpdated", docsUpdated, c.docsUpdated(), v -> docsUpdated = v, changes);
        }
        if (c.changelogUpdated() != null) {
            set("changelogUpdated", changelogUpdated, c.changelogUpdated(), v -> changelogUpdated = v, changes);
        }
        if (!changes.isEmpty()) {
            updatedAt = now;
        }
        return changes;
    }

    /** Adds a link, or updates the merged flag of an existing one; null when nothing changed. */
    FieldChange link(TicketLink link, Instant now) {
        TicketLink normalized = link.normalized();
        for (int i = 0; i < links.size(); i++) {
            TicketLink existing = links.get(i);
            if (existing.kind() == normalized.kind() && existing.target().equals(normalized.target())) {
                if (existing.equals(normalized)) {
                    return null;
                }
                links.set(i, normalized);
                updatedAt = now;
                return FieldChange.of("links", existing, normalized);
            }
        }
        links.add(normalized);
        updatedAt = now;
        return FieldChange.of("links", null, normalized);
    }

    FieldChange unlink(LinkKind kind, String target, Instant now) {
        for (TicketLink existing : links) {
            if (existing.kind() == kind && existing.target().equals(target.strip())) {
                links.remove(existing);
                updatedAt = now;
                return FieldChange.of("links", existing, null);
            }
        }
        return null;
    }

    /** Moves to {@code to}; the caller has checked that the workflow allows it. */
    FieldChange moveTo(TicketState to, String actor, Instant now) {
        TicketState from = state;
        if (to == TicketState.WAITING) {
            waitingFrom = from;
        } else if (from == TicketState.WAITING) {
            waitingFrom = null;
        }
        if (to == TicketState.CLOSED) {
            validatedBy = actor;
        } else if (to == TicketState.TRIAGED && (from == TicketState.CLOSED || from == TicketState.REJECTED)) {
            validatedBy = null;
        }
        state = to;
        updatedAt = now;
        return FieldChange.of("state", from, to);
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

    private static <T> void set(String field, T before, T after, Consumer<T> setter, List<FieldChange> changes) {
        if (!Objects.equals(before, after)) {
            setter.accept(after);
            changes.add(FieldChange.of(field, before, after));
        }
    }

    private static void checkTitle(String title) {
        if (title == null || title.isBlank()) {
            throw TicketProblems.invalid("title", "must not be blank");
        }
        if (title.strip().length() > TITLE_MAX) {
            throw TicketProblems.invalid("title", "must be at most " + TITLE_MAX + " characters");
        }
    }

    private static void checkDescription(String description) {
        if (description != null && description.getBytes(StandardCharsets.UTF_8).length > DESCRIPTION_MAX_BYTES) {
            throw TicketProblems.invalid("description", "must be at most 64 KiB (65536 bytes in UTF-8)");
        }
    }

    private static void checkLabel(String label) {
        if (label == null || !LABEL.matcher(label).matches()) {
            throw TicketProblems.invalid("labels", "\"" + label + "\" is not a label (lower case letters, digits, "
                    + "'-', '.', '_'; at most 50 characters)");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    long number() { return number; }
    String title() { return title; }
    String description() { return description; }
    TicketType type() { return type; }
    Priority priority() { return priority; }
    Set<String> labels() { return labels; }
    TicketState state() { return state; }
    TicketState waitingFrom() { return waitingFrom; }
    String reporter() { return reporter; }
    String assignee() { return assignee; }
    String team() { return team; }
    String component() { return component; }
    String template() { return template; }
    String testEvidence() { return testEvidence; }
    String releaseNote() { return releaseNote; }
    boolean apiImpact() { return apiImpact; }
    boolean docsUpdated() { return docsUpdated; }
    boolean changelogUpdated() { return changelogUpdated; }
    String validatedBy() { return validatedBy; }
    List<TicketLink> links() { return links; }
    int version() { return version; }
    Instant createdAt() { return createdAt; }
    Instant updatedAt() { return updatedAt; }
}
