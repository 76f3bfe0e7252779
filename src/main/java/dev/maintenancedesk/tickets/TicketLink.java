package dev.maintenancedesk.tickets;

/**
 * A link from a ticket. {@code target} is a pull request or commit URL/reference, or {@code #n} for a
 * ticket; {@code merged} only matters for pull requests (the IN_REVIEW → MERGED gate reads it).
 * The aggregate checks a link before it keeps it.
 */
public record TicketLink(LinkKind kind, String target, Boolean merged) {

    public boolean isMergedPullRequest() {
        return kind == LinkKind.PULL_REQUEST && Boolean.TRUE.equals(merged);
    }

    TicketLink normalized() {
        return new TicketLink(kind, target.strip(), kind == LinkKind.PULL_REQUEST && Boolean.TRUE.equals(merged));
    }
}
