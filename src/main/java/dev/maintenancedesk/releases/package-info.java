/** Conventional Commits, git history, versions, release windows, release notes and deprecations. */
package dev.maintenancedesk.releases;
