/** The accounts REST API (package-private controllers): the current user and account administration. */
package dev.maintenancedesk.accounts.web;
