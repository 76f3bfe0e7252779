package dev.maintenancedesk.tickets;

import java.util.List;

/** A page of a keyset-paginated list: pass {@code nextAfter} back as {@code after} for the next page. */
public record TicketPage(List<TicketSummary> items, Long nextAfter) {}
