/** Browser tests: the real UI in headless Chromium through Selenium. */
package dev.maintenancedesk.web.browser;
