/** Business calendars: working hours, public holidays, time zones and business-time arithmetic. */
package dev.maintenancedesk.calendar;
