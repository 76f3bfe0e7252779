/** Tests of the ticket pages over real HTTP. */
package dev.maintenancedesk.web.tickets;
