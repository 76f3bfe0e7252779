/** The backlog review's REST API (/api/v1/backlog). */
package dev.maintenancedesk.backlog.web;
