package dev.maintenancedesk.releases;

import dev.maintenancedesk.plan.ChangeManagement;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;

/**
 * The plan's API-impact rule: when commits of a range touch the API paths, the same range must also
 * touch the documentation paths and the changelog.
 */
public final class ApiImpactCheck {

    /** The verdict: the commits touching the API, and what the range is missing (empty when it passes). */
    public record Result(List<GitCommit> apiCommits, boolean docsChanged, boolean changelogChanged) {

        public boolean passed() {
            return apiCommits.isEmpty() || docsChanged && changelogChanged;
        }
    }

    private final List<PathMatcher> api;
    private final List<PathMatcher> docs;
    private final String changelog;

    public ApiImpactCheck(ChangeManagement rules) {
        this.api = rules.apiPaths().stream().map(ApiImpactCheck::glob).toList();
        this.docs = rules.docPaths().stream().map(ApiImpactCheck::glob).toList();
        this.changelog = rules.changelog();
    }

    private static PathMatcher glob(String pattern) {
        return FileSystems.getDefault().getPathMatcher("glob:" + pattern);
    }

    public Result check(GitHistory git, String from, String to) {
        List<GitCommit> commits = git.range(git.resolve(to), List.of(git.resolve(from)));
        if (commits.isEmpty()) {
            throw new ReleaseInputException("the range " + from + ".." + to + " is empty");
        }
        List<GitCommit> apiCommits = new ArrayList<>();
        boolean docsChanged = false;
        boolean changelogChanged = false;
        for (GitCommit c : commits) {
            if (c.merge()) {
                continue;
            }
            boolean touchesApi = false;
            for (String p : git.changedPaths(c.id())) {
                Path path = Path.of(p);
                touchesApi |= matches(api, path);
                docsChanged |= matches(docs, path);
                changelogChanged |= p.equals(changelog);
            }
            if (touchesApi) {
                apiCommits.add(c);
            }
        }
        return new Result(apiCommits, docsChanged, changelogChanged);
    }

    private static boolean matches(List<PathMatcher> matchers, Path path) {
        for (PathMatcher m : matchers) {
            if (m.matches(path)) {
                return true;
            }
        }
        return false;
    }
}
