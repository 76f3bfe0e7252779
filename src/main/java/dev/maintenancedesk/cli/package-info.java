/** The picocli commands behind ./desk. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"plan", "calendar", "accounts", "releases", "backup",
        "preventive", "postmortem", "backlog", "watch", "kpi", "github", "sla", "problem"})
package dev.maintenancedesk.cli;
