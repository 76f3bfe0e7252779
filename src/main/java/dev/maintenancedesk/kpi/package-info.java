/** The plan's KPIs, DORA metrics and SLA compliance, the plan-conformance report, and Prometheus gauges. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"plan", "calendar", "tickets", "sla", "releases", "postmortem", "preventive", "accounts",
        "github", "problem"})
package dev.maintenancedesk.kpi;
