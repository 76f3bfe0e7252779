/** Business calendars: working hours, public holidays, time zones and business-time arithmetic. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"plan", "problem"})
package dev.maintenancedesk.calendar;
