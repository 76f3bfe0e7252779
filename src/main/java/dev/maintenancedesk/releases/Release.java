package dev.maintenancedesk.releases;

import java.time.LocalDate;
import java.util.List;

/**
 * One release of the history: its version (null while unreleased), tag, date and the commits it ships,
 * newest first, with reverted pairs removed.
 */
public record Release(Version version, String tag, LocalDate date, List<GitCommit> commits) {}
