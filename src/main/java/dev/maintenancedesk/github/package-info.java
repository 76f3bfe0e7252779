/** GitHub webhooks in, REST client out, and import of exported issues. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"plan", "accounts", "tickets", "releases", "problem"})
package dev.maintenancedesk.github;
