package dev.maintenancedesk.releases;

import dev.maintenancedesk.calendar.ReleaseWindow;
import java.util.List;

/**
 * What ships next: from {@code current} (null before the first release) to {@code next} (null when
 * nothing releasable is pending) in {@code window}. Breaking changes that would force a MAJOR release
 * before the next MAJOR window are {@code heldBack} for {@code heldBackUntil}.
 */
public record NextRelease(Version current, String currentTag, Version next, String nextTag, Bump bump,
        ReleaseWindow window, List<GitCommit> commits, List<GitCommit> heldBack, ReleaseWindow heldBackUntil) {

    public boolean releasable() {
        return next != null;
    }
}
