package dev.maintenancedesk.github;

import dev.maintenancedesk.accounts.Actor;
import dev.maintenancedesk.accounts.Role;
import dev.maintenancedesk.accounts.Users;
import dev.maintenancedesk.plan.GitHubSync;
import dev.maintenancedesk.plan.Plan;
import dev.maintenancedesk.plan.Priority;
import dev.maintenancedesk.plan.TicketType;
import dev.maintenancedesk.tickets.Move;
import dev.maintenancedesk.tickets.NewTicket;
import dev.maintenancedesk.tickets.TicketState;
import dev.maintenancedesk.tickets.TicketView;
import dev.maintenancedesk.tickets.Tickets;
import dev.maintenancedesk.tickets.TransitionRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * {@code issues} and {@code issue_comment} deliveries → tickets. One GitHub issue is one ticket: the
 * first delivery about an issue opens it, the next ones apply the issue as it stands in the payload
 * (title, body, labels → priority/type/labels through the plan, assignee, open/closed). Every delivery
 * carries the issue's {@code updated_at}: one older than the state already applied changes nothing, so
 * deliveries arriving out of order converge to the latest state.
 */
@Component
class IssueSync implements DeliveryHandler {

    static final Actor GITHUB = Actor.automation("github");
    private static final Set<String> ISSUE_ACTIONS = Set.of("opened", "edited", "labeled", "unlabeled", "assigned",
            "unassigned", "closed", "reopened");
    private static final Pattern LABEL = Pattern.compile("[a-z0-9][a-z0-9._-]{0,49}");
    private static final int TITLE_MAX = 200;
    private static final int DESCRIPTION_MAX_BYTES = 64 * 1024;
    private static final int COMMENT_MAX = 65536;
    private static final int LABELS_MAX = 20;

    private final Tickets tickets;
    private final IssueMap issues;
    private final Users users;
    private final GitHubSync mapping;
    private final GitHubSettings settings;

    IssueSync(Tickets tickets, IssueMap issues, Users users, Plan plan, GitHubSettings settings) {
        this.tickets = tickets;
        this.issues = issues;
        this.users = users;
        this.mapping = plan.github();
        this.settings = settings;
    }

    @Override
    public Set<String> events() {
        return Set.of("issues", "issue_comment");
    }

    @Override
    public Outcome handle(String event, JsonNode payload) {
        String repository = Payloads.string(payload, "repository.full_name");
        if (!settings.concerns(repository)) {
            return Outcome.ignored("other-repository", settings.repository());
        }
        String action = Payloads.string(payload, "action");
        JsonNode issue = payload.get("issue");
        if (issue.has("pull_request")) {
            return Outcome.ignored("pull-request-conversation", null);
        }
        if (event.equals("issues") && !ISSUE_ACTIONS.contains(action)) {
            return Outcome.ignored("action-unused", action);
        }
        if (event.equals("issue_comment") && !action.equals("created")) {
            return Outcome.ignored("action-unused", action);
        }
        long number = issue.get("number").asLong();
        Instant updatedAt = Instant.parse(issue.get("updated_at").asString());
        IssueMap.Entry entry = issues.lock(repository, number);
        long ticket;
        boolean stale = entry.issueUpdatedAt() != null && updatedAt.isBefore(entry.issueUpdatedAt());
        if (entry.ticket() == null) {
            ticket = open(issue);
        } else {
            ticket = entry.ticket();
            if (!stale) {
                apply(ticket, issue);
            }
        }
        if (!stale) {
            issues.record(repository, number, ticket, updatedAt, Payloads.string(issue, "user.login"),
                    Payloads.string(issue, "html_url"), foreignLabels(issue));
        }
        if (event.equals("issue_comment")) {
            JsonNode comment = payload.get("comment");
            String body = GitHubText.clean(comment.path("body").asString(""), 0);
            if (OutboxDispatcher.MARKER.matcher(body).find()) {
                return Outcome.ignored("own-comment", null);
            }
            if (!body.isBlank() && issues.addComment(comment.get("id").asLong(), ticket)) {
                String text = "**@" + comment.path("user").path("login").asString() + "** (GitHub)\n\n" + body;
                tickets.comment(ticket, GitHubText.clean(text, COMMENT_MAX), GITHUB);
            }
            return Outcome.done();
        }
        return stale ? Outcome.ignored("older", updatedAt)
                : Outcome.done();
    }

    /** What an import did with one issue. */
    enum Imported { OPENED, UPDATED, UNCHANGED }

    /**
     * Imports one issue (webhook shape): a new one opens its ticket at the issue's creation date (its SLA
     * clocks start then) and, if closed, closes it at the closing date; a known one is updated unless
     * what was applied is newer. Importing the same issue again changes nothing.
     */
    Imported importIssue(String repository, JsonNode issue) {
        long number = issue.get("number").asLong();
        Instant createdAt = Instant.parse(issue.get("created_at").asString());
        Instant updatedAt = issue.path("updated_at").isString() ? Instant.parse(issue.get("updated_at").asString())
                : issue.path("closed_at").isString() ? Instant.parse(issue.get("closed_at").asString()) : createdAt;
        IssueMap.Entry entry = issues.lock(repository, number);
        long ticket;
        Imported result;
        if (entry.ticket() == null) {
            Snapshot s = snapshot(issue);
            ticket = tickets.importTicket(new NewTicket(s.title(), s.description(), s.type(), s.priority(), s.labels(),
                    null, null, null, null, null), GITHUB, createdAt).number();
            TicketView current = tickets.get(ticket);
            if (s.assignee() != null) {
                tickets.update(ticket, new TicketView.Changes(current.version(), null, null, null, null, null,
                        s.assignee(), null, null, null, null, null, null, null), GITHUB);
            }
            if ("closed".equals(s.state())) {
                Instant closedAt = issue.path("closed_at").isString() ? Instant.parse(issue.get("closed_at").asString())
                        : updatedAt;
                tickets.closeImported(ticket, closedAt, "Fermée sur GitHub.", GITHUB);
            }
            result = Imported.OPENED;
        } else {
            ticket = entry.ticket();
            if (entry.issueUpdatedAt() != null && updatedAt.isBefore(entry.issueUpdatedAt())) {
                return Imported.UNCHANGED;
            }
            int before = tickets.get(ticket).version();
            apply(ticket, issue);
            result = tickets.get(ticket).version() == before ? Imported.UNCHANGED : Imported.UPDATED;
        }
        issues.record(repository, number, ticket, updatedAt, Payloads.string(issue, "user.login"),
                Payloads.string(issue, "html_url"), foreignLabels(issue));
        return result;
    }

    /** Opens the issue's ticket, then brings it to the issue's state. */
    private long open(JsonNode issue) {
        Snapshot s = snapshot(issue);
        TicketView view = tickets.create(new NewTicket(s.title(), s.description(), s.type(), s.priority(), s.labels(),
                null, null, null, null, null), GITHUB);
        apply(view.number(), issue);
        return view.number();
    }

    /** Makes the ticket say what the issue says; the workflow's rules decide what a close or reopen moves. */
    private void apply(long number, JsonNode issue) {
        Snapshot s = snapshot(issue);
        TicketView current = tickets.get(number);
        tickets.update(number, new TicketView.Changes(current.version(), s.title(), s.description(), s.type(),
                s.priority(), s.labels(), s.assignee() == null ? "" : s.assignee(), null, null, null, null, null, null,
                null), GITHUB);
        TicketState state = tickets.get(number).state();
        if ("closed".equals(s.state())) {
            if (state == TicketState.MERGED) {
                move(number, TicketState.CLOSED, null);
            } else if ("not_planned".equals(s.stateReason()) && state != TicketState.CLOSED
                    && state != TicketState.REJECTED) {
                move(number, TicketState.REJECTED, "Fermée sur GitHub : non planifiée.");
            }
        } else if (state == TicketState.CLOSED || state == TicketState.REJECTED) {
            move(number, TicketState.TRIAGED, "Rouverte sur GitHub.");
        }
    }

    /** Makes the move only when the workflow offers it and its gate holds: otherwise the ticket stays. */
    private void move(long number, TicketState to, String reason) {
        Optional<Move> move = tickets.moves(number, GITHUB).stream().filter(m -> m.to() == to).findFirst();
        if (move.isPresent() && move.get().allowed()) {
            tickets.transition(number, new TransitionRequest(to, reason, null), GITHUB);
        }
    }

    /** Labels of the issue that are neither a priority nor storable as a ticket label. */
    private List<String> foreignLabels(JsonNode issue) {
        List<String> foreign = new ArrayList<>();
        for (JsonNode label : issue.path("labels")) {
            String name = label.isString() ? label.asString() : label.path("name").asString("");
            if (mapping.priorityOf(name).isEmpty() && !LABEL.matcher(name).matches() && !name.isBlank()) {
                foreign.add(name);
            }
        }
        return foreign;
    }

    record Snapshot(String title, String description, TicketType type, Priority priority, List<String> labels,
            String assignee, String state, String stateReason) {}

    Snapshot snapshot(JsonNode issue) {
        String title = GitHubText.clean(issue.path("title").asString("").strip(), TITLE_MAX);
        if (title.isBlank()) {
            title = "#" + issue.path("number").asLong();
        }
        String description = GitHubText.fitBytes(GitHubText.clean(issue.path("body").asString(""), 0),
                DESCRIPTION_MAX_BYTES);
        Priority priority = null;
        TicketType type = null;
        List<String> labels = new ArrayList<>();
        for (JsonNode label : issue.path("labels")) {
            String name = label.isString() ? label.asString() : label.path("name").asString("");
            Optional<Priority> p = mapping.priorityOf(name);
            if (p.isPresent()) {
                priority = priority == null || p.get().compareTo(priority) < 0 ? p.get() : priority;
                continue;
            }
            Optional<TicketType> t = mapping.typeOf(name);
            if (t.isPresent() && type == null) {
                type = t.get();
            }
            String lower = name.strip().toLowerCase(Locale.ROOT);
            if (LABEL.matcher(lower).matches() && !labels.contains(lower) && labels.size() < LABELS_MAX) {
                labels.add(lower);
            }
        }
        String assignee = null;
        List<JsonNode> people = new ArrayList<>();
        issue.path("assignees").forEach(people::add);
        if (people.isEmpty() && issue.path("assignee").isObject()) {
            people.add(issue.path("assignee"));
        }
        assignee = people.stream().map(p -> p.path("login").asString(""))
                .filter(login -> users.find(login).filter(u -> u.enabled() && u.role().atLeast(Role.DEVELOPER)).isPresent())
                .min(Comparator.naturalOrder()).orElse(null);
        return new Snapshot(title, description, type, priority, labels, assignee, issue.path("state").asString("open"),
                issue.path("state_reason").isString() ? issue.path("state_reason").asString() : null);
    }
}
