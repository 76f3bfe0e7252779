package dev.maintenancedesk.releases;

import java.time.Instant;

/** A tag naming a version, peeled to the commit it marks. */
public record VersionTag(String name, Version version, String commitId, Instant time) {}
