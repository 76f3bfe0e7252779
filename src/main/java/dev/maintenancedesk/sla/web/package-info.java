/** The SLA REST API (package-private controllers). */
package dev.maintenancedesk.sla.web;
