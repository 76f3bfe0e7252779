package dev.maintenancedesk.plan;

/** The plan's priorities, P1 (critical) to P4 (improvement). */
public enum Priority { P1, P2, P3, P4 }
