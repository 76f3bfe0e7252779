package dev.maintenancedesk.tickets;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A link from a ticket. {@code target} is a pull request or commit URL/reference, or {@code #n} for a
 * ticket; {@code merged} only matters for pull requests (the IN_REVIEW → MERGED gate reads it).
 */
public record TicketLink(@NotNull LinkKind kind, @NotBlank @Size(max = 500) String target, Boolean merged) {

    public boolean isMergedPullRequest() {
        return kind == LinkKind.PULL_REQUEST && Boolean.TRUE.equals(merged);
    }

    TicketLink normalized() {
        return new TicketLink(kind, target.strip(), kind == LinkKind.PULL_REQUEST && Boolean.TRUE.equals(merged));
    }

    @Override
    public String toString() {
        return kind + " " + target + (isMergedPullRequest() ? " (merged)" : "");
    }
}
