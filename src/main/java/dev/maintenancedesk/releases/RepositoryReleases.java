package dev.maintenancedesk.releases;

import dev.maintenancedesk.calendar.ReleaseWindow;
import dev.maintenancedesk.plan.Plan;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The released versions and the next one, read from the local clone named by {@code desk.releases.repository}
 * ({@code DESK_RELEASES_REPOSITORY}). Never throws: an unset setting or a path that is not a git repository
 * gives a {@link Snapshot} saying so. Results are cached by the repository's HEAD and refs, the day and the
 * language, for at most {@link #TTL} (ticket release-note lines may change without any ref moving).
 */
@Component
public class RepositoryReleases {

    static final Duration TTL = Duration.ofSeconds(30);
    private static final Logger log = LoggerFactory.getLogger(RepositoryReleases.class);

    /** A released version: its notes in Markdown (without the version heading) and as safe HTML for the page. */
    public record ReleaseEntry(String version, String tag, LocalDate date, String notes) {}

    /** What ships next; {@code next} null when nothing releasable is pending. */
    public record NextEntry(String current, String next, String bump, ReleaseWindow window, List<String> heldBack,
            ReleaseWindow heldBackUntil) {}

    /**
     * {@code configured} false: the setting is unset. {@code problem} non-null: it is set but cannot be read
     * (one line, safe to show).
     */
    public record Snapshot(boolean configured, String problem, List<ReleaseEntry> releases, NextEntry next) {

        static final Snapshot UNCONFIGURED = new Snapshot(false, null, List.of(), null);

        static Snapshot problem(String message) {
            return new Snapshot(true, message, List.of(), null);
        }
    }

    private record Key(String state, LocalDate day, String lang) {}

    private record Cached(Snapshot snapshot, Instant at) {}

    private final String repository;
    private final Plan plan;
    private final TicketNotes tickets;
    private final Clock clock;
    private final ZoneId zone;
    private final Map<Key, Cached> cache = new ConcurrentHashMap<>();
    private volatile String lastProblem;

    RepositoryReleases(@Value("${desk.releases.repository:${DESK_RELEASES_REPOSITORY:}}") String repository, Plan plan,
            TicketNotes tickets, Clock clock) {
        this.repository = repository == null || repository.isBlank() ? null : repository.strip();
        this.plan = plan;
        this.tickets = tickets;
        this.clock = clock;
        this.zone = plan.calendar().zone();
        if (this.repository != null) {
            try (GitHistory git = open()) {
                log.info("Releases read from the git repository {}", git.dir());
            } catch (ReleaseInputException e) {
                warn(e.getMessage());
            }
        }
    }

    /** Never throws: see {@link Snapshot}. */
    public Snapshot snapshot(String lang) {
        if (repository == null) {
            return Snapshot.UNCONFIGURED;
        }
        LocalDate today = LocalDate.now(clock.withZone(zone));
        try (GitHistory git = open()) {
            Key key = new Key(git.stateKey(), today, lang);
            Instant now = clock.instant();
            Cached cached = cache.get(key);
            if (cached != null && cached.at().plus(TTL).isAfter(now)) {
                return cached.snapshot();
            }
            Snapshot snapshot = compute(git, today, lang);
            cache.keySet().removeIf(k -> !k.state().equals(key.state()) || !k.day().equals(today));
            cache.put(key, new Cached(snapshot, now));
            lastProblem = null;
            return snapshot;
        } catch (ReleaseInputException e) {
            warn(e.getMessage());
            return Snapshot.problem(e.getMessage());
        } catch (RuntimeException e) { // JGit's unchecked failures (a corrupt pack…): the page must still show
            log.warn("desk.releases.repository: cannot read the history of {}", repository, e);
            return Snapshot.problem("cannot read the history of " + repository + ": " + e.getMessage());
        }
    }

    private GitHistory open() {
        Path dir;
        try {
            dir = Path.of(repository);
        } catch (InvalidPathException e) {
            throw new ReleaseInputException("\"" + repository + "\" is not a valid path");
        }
        return GitHistory.open(dir);
    }

    private Snapshot compute(GitHistory git, LocalDate today, String lang) {
        ReleaseNotes notes = new ReleaseNotes(plan, lang, git.webUrl(), tickets);
        List<ReleaseEntry> releases = new ArrayList<>();
        for (Release r : new ReleaseHistory(git, zone).all("HEAD")) {
            if (r.version() == null) {
                continue; // the unreleased commits: shown as the next release
            }
            String md = withoutHeading(notes.notes(r));
            releases.add(new ReleaseEntry(r.version().toString(), r.tag(), r.date(), md));
        }
        NextRelease n = new ReleasePlanner(plan).next(git, "HEAD", today);
        NextEntry next = new NextEntry(n.currentTag(), n.nextTag(), n.releasable() ? n.bump().name() : null, n.window(),
                n.heldBack().stream().map(c -> c.subject()).toList(), n.heldBackUntil());
        return new Snapshot(true, null, List.copyOf(releases), next);
    }

    /** The notes start with "## version (date)", which the page and the API give as fields. */
    private static String withoutHeading(String md) {
        int eol = md.indexOf('\n');
        return eol < 0 ? "" : md.substring(eol + 1).strip() + "\n";
    }

    private void warn(String problem) {
        if (!problem.equals(lastProblem)) {
            lastProblem = problem;
            log.warn("desk.releases.repository: {}; the releases page cannot list versions", problem);
        }
    }
}
