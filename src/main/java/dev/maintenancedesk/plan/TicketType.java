package dev.maintenancedesk.plan;

/** The four maintenance types of the plan (section 2). */
public enum TicketType { CORRECTIVE, EVOLUTIVE, PREVENTIVE, ADAPTIVE }
