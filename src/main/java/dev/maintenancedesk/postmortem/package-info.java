/** Post-mortems for P1 and security tickets, root causes and recurring-incident detection. */
package dev.maintenancedesk.postmortem;
