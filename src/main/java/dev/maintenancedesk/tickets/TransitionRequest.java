package dev.maintenancedesk.tickets;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A move through the workflow; {@code version}, when given, must be the current one. */
public record TransitionRequest(@NotNull TicketState to, @Size(max = 1000) String reason, Integer version) {}
