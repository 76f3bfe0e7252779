/** The monthly backlog review: scoring, dependencies and the tech-debt share. */
package dev.maintenancedesk.backlog;
