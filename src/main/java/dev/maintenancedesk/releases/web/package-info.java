/**
 * REST API of releases (the releases page is the web module's): {@code GET /api/v1/releases} (versions and next release read from
 * {@code desk.releases.repository}), release notes for CI, commit linting and the deprecation registry.
 */
package dev.maintenancedesk.releases.web;
