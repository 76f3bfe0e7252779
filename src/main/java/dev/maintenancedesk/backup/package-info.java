/** Backups: a consistent snapshot of every table with a checked manifest, restore into an empty database, verification. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"problem"})
package dev.maintenancedesk.backup;
