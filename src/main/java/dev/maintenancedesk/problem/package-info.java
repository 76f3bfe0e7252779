/** The one error vocabulary of every module: invalid input, not found, conflict, forbidden, requirements unmet. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package dev.maintenancedesk.problem;
