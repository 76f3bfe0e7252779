/** E-mail and chat-webhook notifications, driven by events only. */
package dev.maintenancedesk.notify;
