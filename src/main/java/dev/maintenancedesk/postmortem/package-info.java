/** Post-mortems for P1 and security tickets, root causes and recurring-incident detection. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"plan", "accounts", "tickets", "sla", "problem"})
package dev.maintenancedesk.postmortem;
