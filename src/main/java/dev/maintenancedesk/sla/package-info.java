/** Take-charge and resolution clocks measured in business time, with at-risk and breach detection. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"plan", "calendar", "tickets", "problem"})
package dev.maintenancedesk.sla;
