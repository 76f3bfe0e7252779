/** The ticket pages of the web UI: list with filters, ticket page, creation from a template, board. */
package dev.maintenancedesk.web.tickets;
