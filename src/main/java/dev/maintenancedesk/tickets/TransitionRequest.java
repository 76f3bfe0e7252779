package dev.maintenancedesk.tickets;

/** A move through the workflow; {@code version}, when given, must be the current one. */
public record TransitionRequest(TicketState to, String reason, Integer version) {}
