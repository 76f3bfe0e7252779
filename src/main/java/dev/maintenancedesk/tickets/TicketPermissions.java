package dev.maintenancedesk.tickets;

import dev.maintenancedesk.tickets.TicketView.Field;
import java.util.List;
import java.util.Set;

/**
 * What an actor may do with a ticket now: its moves, the fields they may edit, linking and commenting, and
 * whether they may say a pull request is merged (not once GitHub is connected: GitHub says it).
 */
public record TicketPermissions(List<Move> moves, Set<Field> editable, boolean mayLink, boolean mayComment,
        boolean mayMarkMerged) {

    public TicketPermissions {
        moves = List.copyOf(moves);
        editable = Set.copyOf(editable);
    }

    public boolean mayEdit() {
        return !editable.isEmpty();
    }

    public boolean mayEdit(Field field) {
        return editable.contains(field);
    }
}
