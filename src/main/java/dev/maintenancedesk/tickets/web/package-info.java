/** The tickets REST API (package-private controllers). */
package dev.maintenancedesk.tickets.web;
