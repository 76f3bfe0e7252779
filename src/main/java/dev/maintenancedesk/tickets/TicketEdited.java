package dev.maintenancedesk.tickets;

import java.time.Instant;
import java.util.List;

/** Fields of a ticket were set or changed (at creation: its initial values). */
public record TicketEdited(long number, List<FieldChange> changes, String actor, Instant at) {}
