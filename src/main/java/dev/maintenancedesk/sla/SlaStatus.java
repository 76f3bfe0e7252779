package dev.maintenancedesk.sla;

/** The SLA lists: clocks past the at-risk threshold, and clocks past their deadline. */
public enum SlaStatus { AT_RISK, BREACHED }
