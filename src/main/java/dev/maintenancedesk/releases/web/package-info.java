/** HTTP face of releases: {@code POST /api/v1/commits/lint} for pull-request titles. */
package dev.maintenancedesk.releases.web;
