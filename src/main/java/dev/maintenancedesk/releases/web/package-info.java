/**
 * HTTP face of releases: the releases page, {@code GET /api/v1/releases} (versions and next release read from
 * {@code desk.releases.repository}), release notes for CI, commit linting and the deprecation registry.
 */
package dev.maintenancedesk.releases.web;
