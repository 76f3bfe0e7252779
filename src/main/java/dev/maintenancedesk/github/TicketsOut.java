package dev.maintenancedesk.github;

import dev.maintenancedesk.plan.GitHubSync;
import dev.maintenancedesk.plan.Plan;
import dev.maintenancedesk.tickets.Comment;
import dev.maintenancedesk.tickets.FieldChange;
import dev.maintenancedesk.tickets.TicketCommented;
import dev.maintenancedesk.tickets.TicketEdited;
import dev.maintenancedesk.tickets.TicketState;
import dev.maintenancedesk.tickets.TicketTransitioned;
import dev.maintenancedesk.tickets.TicketView;
import dev.maintenancedesk.tickets.TicketView.Field;
import dev.maintenancedesk.tickets.Tickets;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

/**
 * Desk-side changes of a ticket that stands for a GitHub issue go back out, queued in the outbox inside
 * the transaction of the change: title, description, labels (with the priority's and the type's label),
 * assignee, comments, close and reopen. Changes made by the {@code github} actor came from GitHub and
 * are not sent back (no echo loop); when GitHub's webhook about the desk's own change comes back, the
 * issue says what the ticket says and applying it changes nothing.
 */
@Component
class TicketsOut {

    private static final Set<Field> ISSUE_FIELDS = EnumSet.of(Field.TITLE, Field.DESCRIPTION, Field.LABELS,
            Field.PRIORITY, Field.TYPE, Field.ASSIGNEE);

    private final IssueMap issues;
    private final GitHubOutbox outbox;
    private final Tickets tickets;
    private final GitHubSettings settings;
    private final GitHubSync mapping;

    TicketsOut(IssueMap issues, GitHubOutbox outbox, Tickets tickets, GitHubSettings settings, Plan plan) {
        this.issues = issues;
        this.outbox = outbox;
        this.tickets = tickets;
        this.settings = settings;
        this.mapping = plan.github();
    }

    @EventListener
    void on(TicketEdited edited) {
        if (fromGitHub(edited.actor())
                || edited.changes().stream().map(FieldChange::field).noneMatch(ISSUE_FIELDS::contains)) {
            return;
        }
        issue(edited.number()).ifPresent(entry -> {
            TicketView ticket = tickets.get(edited.number());
            ObjectNode body = Payloads.JSON.createObjectNode();
            body.put("title", ticket.title());
            body.put("body", ticket.description());
            var labels = body.putArray("labels");
            labels(ticket, entry).forEach(labels::add);
            var assignees = body.putArray("assignees");
            if (ticket.assignee() != null) {
                assignees.add(ticket.assignee());
            }
            outbox.enqueue("issue:" + entry.repository() + "#" + entry.issue() + ":v" + ticket.version(), "request",
                    "PATCH", path(entry), body);
        });
    }

    @EventListener
    void on(TicketTransitioned moved) {
        if (fromGitHub(moved.actor())) {
            return;
        }
        String state;
        String reason;
        if (moved.to() == TicketState.CLOSED) {
            state = "closed";
            reason = "completed";
        } else if (moved.to() == TicketState.REJECTED) {
            state = "closed";
            reason = "not_planned";
        } else if (moved.from() == TicketState.CLOSED || moved.from() == TicketState.REJECTED) {
            state = "open";
            reason = "reopened";
        } else {
            return;
        }
        issue(moved.number()).ifPresent(entry -> {
            ObjectNode body = Payloads.JSON.createObjectNode().put("state", state).put("state_reason", reason);
            outbox.enqueue("state:" + entry.repository() + "#" + entry.issue() + ":" + moved.at().toEpochMilli() + ":"
                    + moved.to(), "request", "PATCH", path(entry), body);
        });
    }

    @EventListener
    void on(TicketCommented commented) {
        if (fromGitHub(commented.author())) {
            return;
        }
        issue(commented.number()).ifPresent(entry -> {
            Comment comment = tickets.comments(commented.number()).stream()
                    .filter(c -> c.id() == commented.commentId()).findFirst().orElseThrow();
            String text = "**" + comment.author() + "** (Maintenance Desk)\n\n" + comment.body()
                    + "\n\n<!-- maintenance-desk:comment:" + comment.id() + " -->";
            outbox.enqueue("comment:" + comment.id(), "comment", "POST", path(entry) + "/comments",
                    Payloads.JSON.createObjectNode().put("body", text));
        });
    }

    /** The ticket's labels, its priority's label, its type's label when none says it, and the issue's foreign labels. */
    private Set<String> labels(TicketView ticket, IssueMap.Entry entry) {
        Set<String> labels = new LinkedHashSet<>(ticket.labels());
        if (ticket.priority() != null) {
            mapping.labelOf(ticket.priority()).ifPresent(labels::add);
        }
        if (ticket.type() != null && labels.stream().noneMatch(l -> mapping.typeOf(l).filter(ticket.type()::equals).isPresent())) {
            mapping.typeLabels().entrySet().stream().filter(e -> e.getValue() == ticket.type()).map(java.util.Map.Entry::getKey)
                    .sorted().findFirst().ifPresent(labels::add);
        }
        labels.addAll(issues.foreignLabels(entry.repository(), entry.issue()));
        return labels;
    }

    private java.util.Optional<IssueMap.Entry> issue(long ticket) {
        if (!settings.writesBack()) {
            return java.util.Optional.empty();
        }
        return issues.byTicket(ticket).filter(e -> settings.concerns(e.repository()));
    }

    private static boolean fromGitHub(String actor) {
        return IssueSync.GITHUB.username().equals(actor);
    }

    private static String path(IssueMap.Entry entry) {
        return GitHubClient.repo(entry.repository(), "/issues/" + entry.issue());
    }
}
