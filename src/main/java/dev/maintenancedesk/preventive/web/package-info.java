/** The preventive calendar's REST API. */
package dev.maintenancedesk.preventive.web;
