/** Users, roles, API tokens and the security configuration. */
package dev.maintenancedesk.accounts;
