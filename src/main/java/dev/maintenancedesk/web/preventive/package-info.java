/** The preventive calendar page, from the preventive module's public API. */
package dev.maintenancedesk.web.preventive;
