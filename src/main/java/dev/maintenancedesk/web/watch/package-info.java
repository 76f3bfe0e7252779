/** The technology-watch pages: the monthly digest and the sources' state, from the watch module's API. */
package dev.maintenancedesk.web.watch;
