/** The web UI's account pages: the user's profile and tokens, and the administration of users. */
package dev.maintenancedesk.web.account;
