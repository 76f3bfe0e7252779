/** The Ticket aggregate, its seven-step workflow with gates, templates, labels and append-only history. */
package dev.maintenancedesk.tickets;
