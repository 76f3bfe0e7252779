/** The plan's KPIs, DORA metrics and SLA compliance, exposed as Prometheus gauges. */
package dev.maintenancedesk.kpi;
