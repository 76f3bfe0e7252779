/** The picocli commands behind ./desk. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"plan", "calendar", "accounts", "releases", "problem", "preventive"})
package dev.maintenancedesk.cli;
