package dev.maintenancedesk.backlog;

/** What the review decides for a ticket: keep it in the backlog, plan it for a release, or drop it. */
public enum Decision { KEEP, PLAN, DROP }
