/** Recurring preventive actions that open a ticket exactly once per period. */
package dev.maintenancedesk.preventive;
