package dev.maintenancedesk.sla;

/** Where a clock stands: counting, paused while WAITING, stopped in time, or past its target. */
public enum ClockState { RUNNING, PAUSED, MET, BREACHED }
