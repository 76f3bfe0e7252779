package dev.maintenancedesk.sla;

/** Both SLA clocks of a ticket, as the ticket JSON carries them under {@code sla}. */
public record TicketSla(String priority, SlaClock takeCharge, SlaClock resolution) {}
