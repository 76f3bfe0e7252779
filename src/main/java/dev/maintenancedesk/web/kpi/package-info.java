/** The KPI dashboard page: monthly series with Chart.js and tables, and the plan-conformance report. */
package dev.maintenancedesk.web.kpi;
