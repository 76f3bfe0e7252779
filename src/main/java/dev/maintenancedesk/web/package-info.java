/** Layout, navigation, dashboard, error pages and problem+json answers shared by every face. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"plan", "calendar", "accounts", "tickets", "sla",
        "releases", "postmortem", "preventive", "backlog", "watch", "kpi", "github", "notify", "problem"})
package dev.maintenancedesk.web;
