/** GitHub webhooks in, REST client out, and import of exported issues. */
package dev.maintenancedesk.github;
