/** The picocli commands behind ./desk. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"plan", "calendar", "accounts", "releases", "kpi", "problem"})
package dev.maintenancedesk.cli;
