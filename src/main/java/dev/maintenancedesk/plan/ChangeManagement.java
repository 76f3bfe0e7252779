package dev.maintenancedesk.plan;

import java.util.List;

/**
 * Change management (section 6). {@code apiPaths}, {@code docPaths} and {@code changelog} drive the
 * rule of section 10: a change touching the API must also touch the documentation and the changelog.
 */
public record ChangeManagement(boolean pullRequestRequired, boolean automatedTestsRequired,
        List<String> commitTypes, List<String> alsoAcceptedCommitTypes, Localized releaseNotes,
        List<String> apiPaths, List<String> docPaths, String changelog, java.time.Duration changeFailureWindow) {

    /**
     * How long after a deployment an incident linked to it counts the deployment as a failed change (DORA's
     * change failure rate), in wall-clock time: {@code change_failure_window}, 24 hours when the plan is silent.
     */
    public static final java.time.Duration DEFAULT_CHANGE_FAILURE_WINDOW = java.time.Duration.ofHours(24);

    public boolean acceptsCommitType(String type) {
        String t = type.toLowerCase(java.util.Locale.ROOT);
        return commitTypes.contains(t) || alsoAcceptedCommitTypes.contains(t);
    }
}
