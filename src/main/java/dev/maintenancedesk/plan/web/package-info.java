/** HTTP face of the plan: {@code GET /api/v1/plan} as JSON and as Markdown. */
package dev.maintenancedesk.plan.web;
