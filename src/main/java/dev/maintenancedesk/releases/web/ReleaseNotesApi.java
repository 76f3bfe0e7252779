package dev.maintenancedesk.releases.web;

import dev.maintenancedesk.plan.Plan;
import dev.maintenancedesk.problem.InvalidInput;
import dev.maintenancedesk.releases.ConventionalCommitParser;
import dev.maintenancedesk.releases.GitCommit;
import dev.maintenancedesk.releases.Release;
import dev.maintenancedesk.releases.ReleaseNotes;
import dev.maintenancedesk.releases.TicketNotes;
import dev.maintenancedesk.releases.Version;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Release notes for a CI job, which has the commits but not the tickets: the commits of a range
 * ({@code git log --format=%H%x00%B}) in, Markdown out, with a Tickets section giving each referenced
 * ticket's title and release-note line from the tickets module.
 */
@RestController
class ReleaseNotesApi {

    static final int MAX_COMMITS = 10_000;
    private static final MediaType MARKDOWN = new MediaType("text", "markdown", StandardCharsets.UTF_8);
    private static final Pattern HASH = Pattern.compile("[0-9a-fA-F]{7,64}");

    record CommitInput(String hash, String message) {}

    record NotesRequest(List<CommitInput> commits, String version, String lang) {}

    private final Plan plan;
    private final TicketNotes tickets;
    private final Clock clock;

    ReleaseNotesApi(Plan plan, TicketNotes tickets, Clock clock) {
        this.plan = plan;
        this.tickets = tickets;
        this.clock = clock;
    }

    /**
     * Commits newest first, as git log lists them; {@code version} defaults to "Unreleased", {@code lang}
     * to fr. Markdown whatever the Accept header: a CI job's HTTP client often asks for JSON by default.
     */
    @PostMapping("/api/v1/releases/notes")
    ResponseEntity<String> notes(@RequestBody NotesRequest request) {
        String lang = request.lang() == null ? "fr" : request.lang();
        if (!ReleaseNotes.LANGUAGES.contains(lang)) {
            throw InvalidInput.of("lang", "\"" + lang + "\" is not one of fr, en");
        }
        Version version = null;
        if (request.version() != null) {
            version = Version.fromTag(request.version()).filter(v -> !request.version().startsWith("v"))
                    .orElseThrow(() -> InvalidInput.of("version", "\"" + request.version() + "\" is not a version X.Y.Z"));
        }
        if (request.commits() == null || request.commits().isEmpty()) {
            throw InvalidInput.of("commits", "at least one commit is required");
        }
        if (request.commits().size() > MAX_COMMITS) {
            throw InvalidInput.of("commits", "at most " + MAX_COMMITS + " commits");
        }
        List<GitCommit> commits = new ArrayList<>();
        for (int i = 0; i < request.commits().size(); i++) {
            CommitInput c = request.commits().get(i);
            if (c == null || c.hash() == null || !HASH.matcher(c.hash()).matches()) {
                throw InvalidInput.of("commits[" + i + "].hash", "required: a commit id (7 to 64 hexadecimal digits)");
            }
            if (c.message() == null || c.message().isBlank() || c.message().indexOf('\0') >= 0) {
                throw InvalidInput.of("commits[" + i + "].message", "required: the commit message, without NUL bytes");
            }
            String id = c.hash().toLowerCase(Locale.ROOT);
            commits.add(new GitCommit(id, id.substring(0, 7), null, false, ConventionalCommitParser.parse(c.message())));
        }
        LocalDate today = LocalDate.now(clock.withZone(plan.calendar().zone()));
        Release release = Release.of(version, null, today, commits);
        return ResponseEntity.ok().contentType(MARKDOWN).body(new ReleaseNotes(plan, lang, null, tickets).notes(release));
    }
}
