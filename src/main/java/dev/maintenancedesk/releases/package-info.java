/** Conventional Commits, git history, versions, release windows, release notes and deprecations. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"plan", "calendar", "accounts", "tickets", "problem"})
package dev.maintenancedesk.releases;
