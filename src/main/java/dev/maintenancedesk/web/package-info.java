/** Layout, navigation, dashboard, error pages and problem+json answers shared by every face. */
package dev.maintenancedesk.web;
