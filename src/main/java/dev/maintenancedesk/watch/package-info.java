/** Technology watch (veille): feeds, advisories and the monthly consolidation ticket. */
package dev.maintenancedesk.watch;
