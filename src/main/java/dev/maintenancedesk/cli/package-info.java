/** The picocli commands behind ./desk. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"plan", "calendar", "accounts", "releases", "watch", "problem"})
package dev.maintenancedesk.cli;
