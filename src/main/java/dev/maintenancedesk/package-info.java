/** Maintenance Desk: runs a software team's maintenance plan as software. */
package dev.maintenancedesk;
