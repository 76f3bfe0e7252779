package dev.maintenancedesk.tickets;

import java.util.List;

/**
 * A page of a keyset-paginated list: pass {@code nextCursor} back as {@code after} for the next page
 * ({@code nextAfter} is the same cursor as a number, for the newest-first order).
 */
public record TicketPage(List<TicketSummary> items, Long nextAfter, String nextCursor) {

    public TicketPage(List<TicketSummary> items, Long nextAfter) {
        this(items, nextAfter, nextAfter == null ? null : nextAfter.toString());
    }
}
