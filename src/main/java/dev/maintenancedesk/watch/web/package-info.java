/** The technology watch's REST API. */
package dev.maintenancedesk.watch.web;
