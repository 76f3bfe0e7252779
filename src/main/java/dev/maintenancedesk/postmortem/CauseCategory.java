package dev.maintenancedesk.postmortem;

/** What kind of thing a root cause is. */
public enum CauseCategory {
    CODE, CONFIGURATION, DEPENDENCY, INFRASTRUCTURE, PROCESS, THIRD_PARTY
}
