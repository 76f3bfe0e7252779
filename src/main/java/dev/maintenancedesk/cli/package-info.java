/** The picocli commands behind ./desk. */
package dev.maintenancedesk.cli;
