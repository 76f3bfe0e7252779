/** The plan's KPIs, DORA metrics and SLA compliance, exposed as Prometheus gauges. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"plan", "calendar", "tickets", "sla", "releases", "postmortem", "problem"})
package dev.maintenancedesk.kpi;
