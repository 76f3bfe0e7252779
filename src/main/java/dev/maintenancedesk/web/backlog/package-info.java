/** The monthly backlog review page (/backlog). */
package dev.maintenancedesk.web.backlog;
