/** Users, roles, API tokens and the security configuration. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"problem"})
package dev.maintenancedesk.accounts;
