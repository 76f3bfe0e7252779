package dev.maintenancedesk.plan;

import java.util.List;

/**
 * Change management (section 6). {@code apiPaths}, {@code docPaths} and {@code changelog} drive the
 * rule of section 10: a change touching the API must also touch the documentation and the changelog.
 */
public record ChangeManagement(boolean pullRequestRequired, boolean automatedTestsRequired,
        List<String> commitTypes, List<String> alsoAcceptedCommitTypes, Localized releaseNotes,
        List<String> apiPaths, List<String> docPaths, String changelog) {

    public boolean acceptsCommitType(String type) {
        String t = type.toLowerCase(java.util.Locale.ROOT);
        return commitTypes.contains(t) || alsoAcceptedCommitTypes.contains(t);
    }
}
