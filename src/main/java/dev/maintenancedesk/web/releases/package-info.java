/** The releases page, from the releases module's public API and the calendar's release windows. */
package dev.maintenancedesk.web.releases;
