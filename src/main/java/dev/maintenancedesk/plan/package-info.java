/** The maintenance plan as code: typed model, YAML loading, validation and rendering to Markdown. */
package dev.maintenancedesk.plan;
