/** The GitHub administration page: webhook deliveries and their replay. */
package dev.maintenancedesk.web.github;
