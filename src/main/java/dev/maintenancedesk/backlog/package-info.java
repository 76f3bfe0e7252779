/** The monthly backlog review: scoring, dependencies and the tech-debt share. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"plan", "tickets", "sla", "problem", "accounts", "preventive"})
package dev.maintenancedesk.backlog;
