package dev.maintenancedesk.plan;

/** The semantic-version part a release bumps, as the release calendar tags it (section 7). */
public enum ReleaseTag { PATCH, MINOR, MAJOR }
