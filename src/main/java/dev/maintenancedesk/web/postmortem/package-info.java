/** The post-mortem page of a ticket and the root-causes page (package-private controllers). */
package dev.maintenancedesk.web.postmortem;
