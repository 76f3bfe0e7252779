/** The picocli commands behind ./desk. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"plan", "calendar", "accounts", "releases", "problem", "github"})
package dev.maintenancedesk.cli;
