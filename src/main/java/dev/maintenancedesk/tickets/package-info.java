/** The Ticket aggregate, its seven-step workflow with gates, templates, labels and append-only history. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"plan", "accounts", "problem"})
package dev.maintenancedesk.tickets;
