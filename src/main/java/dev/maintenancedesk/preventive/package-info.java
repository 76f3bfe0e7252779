/** Recurring preventive actions that open a ticket exactly once per period. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"plan", "calendar", "accounts", "tickets", "problem"})
package dev.maintenancedesk.preventive;
