/** Take-charge and resolution clocks measured in business time, with at-risk and breach detection. */
package dev.maintenancedesk.sla;
