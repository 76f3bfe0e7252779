/** The GitHub webhook endpoint. */
package dev.maintenancedesk.github.web;
