/** Technology watch (veille): feeds, advisories and the monthly consolidation ticket. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"plan", "accounts", "tickets", "problem", "preventive"})
package dev.maintenancedesk.watch;
