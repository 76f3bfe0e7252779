/** The KPI, deployment, coverage and conformance REST API. */
package dev.maintenancedesk.kpi.web;
