/** The maintenance plan as code: typed model, YAML loading, validation and rendering to Markdown. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"problem"})
package dev.maintenancedesk.plan;
