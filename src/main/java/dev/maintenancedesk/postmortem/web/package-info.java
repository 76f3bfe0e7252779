/** The post-mortem REST API (package-private controllers). */
package dev.maintenancedesk.postmortem.web;
