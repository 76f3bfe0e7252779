package dev.maintenancedesk.github;

import dev.maintenancedesk.plan.ChangeManagement;
import dev.maintenancedesk.plan.GitHubSync;
import dev.maintenancedesk.plan.Plan;
import dev.maintenancedesk.releases.CommitLinter;
import dev.maintenancedesk.releases.CommitMessage;
import dev.maintenancedesk.releases.ConventionalCommit;
import dev.maintenancedesk.releases.ConventionalCommitParser;
import dev.maintenancedesk.releases.Deprecation;
import dev.maintenancedesk.releases.DeprecationRegistry;
import dev.maintenancedesk.releases.Deprecations;
import dev.maintenancedesk.tickets.LinkKind;
import dev.maintenancedesk.tickets.TicketLink;
import dev.maintenancedesk.tickets.TicketView;
import dev.maintenancedesk.tickets.Tickets;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Pull requests drive the gates. A pull request is linked to tickets by {@code Fixes/Closes/Resolves/Refs #N}
 * in its title, body and commits ({@code #N} is a GitHub issue, else a ticket number); its changed files
 * (REST) are the test evidence (the plan's test paths) and say whether it touches the API; its Conventional
 * title gives the release-note line; its merge sets the "PR merged" fact. For its head commit the desk
 * posts the commit status {@code maintenance-desk/plan} through the outbox: success only when the plan's
 * merge gates hold, else the description lists what is missing (at most 140 characters).
 */
@Component
class PullRequests implements DeliveryHandler {

    static final String CONTEXT = "maintenance-desk/plan";
    static final int DESCRIPTION_MAX = 140;
    private static final Pattern LINK = Pattern.compile(
            "(?i)\\b(?:fix(?:e[sd])?|close[sd]?|resolve[sd]?|refs?)\\b:?\\s+#([1-9][0-9]{0,9})");
    private static final Set<String> EVALUATED = Set.of("opened", "edited", "synchronize", "reopened",
            "ready_for_review", "closed");

    private final GitHubSettings settings;
    private final GitHubClient client;
    private final GitHubOutbox outbox;
    private final IssueMap issues;
    private final Tickets tickets;
    private final DeprecationRegistry deprecations;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final ChangeManagement rules;
    private final GitHubSync github;
    private final Set<String> exemptLabels;
    private final CommitLinter linter;
    private final String publicUrl;

    PullRequests(GitHubSettings settings, GitHubClient client, GitHubOutbox outbox, IssueMap issues, Tickets tickets,
            DeprecationRegistry deprecations, JdbcClient jdbc, Clock clock, Plan plan,
            @Value("${DESK_PUBLIC_URL:http://localhost:8080}") String publicUrl) {
        this.settings = settings;
        this.client = client;
        this.outbox = outbox;
        this.issues = issues;
        this.tickets = tickets;
        this.deprecations = deprecations;
        this.jdbc = jdbc;
        this.clock = clock;
        this.rules = plan.changeManagement();
        this.github = plan.github();
        this.exemptLabels = Set.copyOf(plan.testsExemptLabels());
        this.linter = new CommitLinter(rules);
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    @Override
    public Set<String> events() {
        return Set.of("pull_request", "pull_request_review", "check_suite", "workflow_run");
    }

    /** What the desk concluded about a pull request. */
    record Verdict(List<Long> tickets, List<String> missing, boolean testsChanged, boolean apiChanged,
            boolean docsChanged, boolean changelogChanged, List<String> testFiles) {
        boolean passes() {
            return missing.isEmpty();
        }
    }

    @Override
    public Outcome handle(String event, JsonNode payload) {
        String repository = Payloads.string(payload, "repository.full_name");
        if (repository == null || !settings.concerns(repository)) {
            return Outcome.ignored("other-repository", settings.repository());
        }
        return switch (event) {
            case "pull_request" -> pullRequest(repository, payload);
            case "pull_request_review" -> {
                jdbc.sql("UPDATE github_pulls SET review_state = ? WHERE repository = ? AND pull_number = ?")
                        .params(payload.path("review").path("state").asString(null), repository,
                                payload.path("pull_request").path("number").asLong()).update();
                yield Outcome.done();
            }
            default -> ci(event, payload);
        };
    }

    private Outcome ci(String event, JsonNode payload) {
        JsonNode run = payload.path(event);
        String sha = run.path("head_sha").asString(null);
        String conclusion = run.path("conclusion").isString() ? run.path("conclusion").asString() : null;
        if (sha == null || !"completed".equals(payload.path("action").asString())) {
            return Outcome.ignored("run-not-completed", null);
        }
        int updated = jdbc.sql("UPDATE github_pulls SET ci_conclusion = ? WHERE head_sha = ?").params(conclusion, sha)
                .update();
        if (updated == 0) {
            return Outcome.ignored("unknown-head", sha);
        }
        // The CI result joins the test evidence the pull request brought to its tickets.
        String label = GitHubText.clean((event.equals("workflow_run") ? run.path("name").asString("CI") : "CI") + " : "
                + (conclusion == null ? "?" : conclusion), 200);
        for (String list : jdbc.sql("SELECT tickets FROM github_pulls WHERE head_sha = ?").param(sha).query(String.class).list()) {
            for (String n : list == null || list.isBlank() ? new String[0] : list.split(",")) {
                TicketView t = tickets.get(Long.parseLong(n));
                if (t.testEvidence() != null && t.testEvidence().startsWith("PR #")) {
                    String base = t.testEvidence().replaceAll("\n\n[^\n]* : [a-z_?]+$", "");
                    String evidence = GitHubText.clean(base + "\n\n" + label, 4000);
                    if (!evidence.equals(t.testEvidence())) {
                        tickets.update(t.number(), new TicketView.Changes(t.version(), null, null, null, null, null, null,
                                null, null, evidence, null, null, null, null), IssueSync.GITHUB);
                    }
                }
            }
        }
        return Outcome.done();
    }

    private Outcome pullRequest(String repository, JsonNode payload) {
        String action = payload.path("action").asString();
        if (!EVALUATED.contains(action)) {
            return Outcome.ignored("action-unused", action);
        }
        JsonNode pr = payload.path("pull_request");
        long number = payload.path("number").asLong();
        Instant updatedAt = pr.path("updated_at").isString() ? Instant.parse(pr.path("updated_at").asString()) : null;
        jdbc.sql("INSERT INTO github_pulls (repository, pull_number) VALUES (?, ?) ON CONFLICT DO NOTHING")
                .params(repository, number).update();
        Instant last = jdbc.sql("SELECT updated_at FROM github_pulls WHERE repository = ? AND pull_number = ? FOR UPDATE")
                .params(repository, number).query(java.time.OffsetDateTime.class).optional()
                .map(java.time.OffsetDateTime::toInstant).orElse(null);
        if (last != null && updatedAt != null && updatedAt.isBefore(last)) {
            return Outcome.ignored("older", updatedAt);
        }
        String title = pr.path("title").asString("");
        String sha = pr.path("head").path("sha").asString();
        // The payload's merged flag, whatever the action: an edit after the merge keeps "PR merged".
        boolean merged = pr.path("merged").asBoolean(false);
        List<String> commits = settings.writesBack() ? commitMessages(repository, number) : List.of();
        List<String> files = settings.writesBack() ? changedFiles(repository, number) : List.of();
        Verdict verdict = evaluate(repository, title, pr.path("body").asString(""), commits, files);
        for (long ticket : verdict.tickets()) {
            update(ticket, number, merged, title, verdict);
        }
        jdbc.sql("""
                UPDATE github_pulls SET head_sha = ?, title = ?, state = ?, merged = ?, tickets = ?, missing = ?,
                updated_at = COALESCE(?, updated_at) WHERE repository = ? AND pull_number = ?""")
                .params(sha, GitHubText.clean(title, 1000), pr.path("state").asString(null), merged,
                        verdict.tickets().stream().map(String::valueOf).collect(Collectors.joining(",")),
                        GitHubText.clean(String.join(", ", verdict.missing()), 1000),
                        updatedAt == null ? null : updatedAt.atOffset(java.time.ZoneOffset.UTC), repository, number)
                .update();
        if (settings.writesBack() && !"closed".equals(action)) {
            postStatus(repository, sha, verdict);
        }
        return Outcome.done();
    }

    /** The plan's merge gates for a pull request. */
    Verdict evaluate(String repository, String title, String body, List<String> commits, List<String> files) {
        List<String> missing = new ArrayList<>();
        if (title.isBlank() || !linter.lint(title).isEmpty()) {
            missing.add("titre Conventional");
        }
        Set<Long> linked = new LinkedHashSet<>();
        List<String> texts = new ArrayList<>(List.of(title, body));
        texts.addAll(commits);
        for (String text : texts) {
            Matcher m = LINK.matcher(text == null ? "" : text);
            while (m.find()) {
                ticketFor(repository, Long.parseLong(m.group(1))).ifPresent(linked::add);
            }
        }
        if (linked.isEmpty()) {
            missing.add("ticket lié (Fixes #N)");
        }
        List<String> testFiles = files.stream().filter(f -> matches(github.testPaths(), f)).toList();
        boolean exempt = !linked.isEmpty() && linked.stream().map(tickets::get).allMatch(t -> !t.labels().isEmpty()
                && exemptLabels.containsAll(t.labels()));
        if (testFiles.isEmpty() && !exempt) {
            missing.add("tests");
        }
        boolean api = files.stream().anyMatch(f -> matches(rules.apiPaths(), f));
        boolean docs = files.stream().anyMatch(f -> matches(rules.docPaths(), f));
        boolean changelog = files.stream().anyMatch(f -> f.equals(rules.changelog()));
        if (api && !docs) {
            missing.add("docs");
        }
        if (api && !changelog) {
            missing.add(rules.changelog());
        }
        for (String key : removals(title, commits)) {
            Optional<Deprecation> d = deprecations.list().stream().filter(x -> x.key().equals(key)).findFirst();
            LocalDate today = LocalDate.now(clock);
            if (d.isEmpty() || d.get().earliestRemovalDate() == null || today.isBefore(d.get().earliestRemovalDate())) {
                missing.add("retrait anticipé de " + key);
            }
        }
        return new Verdict(List.copyOf(linked), List.copyOf(missing), !testFiles.isEmpty(), api, docs, changelog,
                testFiles);
    }

    /** {@code #N}: the ticket of GitHub issue N, else ticket N when it exists. */
    private Optional<Long> ticketFor(String repository, long n) {
        Optional<Long> mapped = issues.ticketOf(repository, n);
        if (mapped.isPresent()) {
            return mapped;
        }
        return jdbc.sql("SELECT number FROM tickets WHERE number = ?").param(n).query(Long.class).optional();
    }

    private static List<String> removals(String title, List<String> commits) {
        List<String> keys = new ArrayList<>();
        List<String> messages = new ArrayList<>(commits);
        messages.add(title);
        for (String message : messages) {
            CommitMessage parsed = ConventionalCommitParser.parse(message);
            if (parsed instanceof ConventionalCommit c) {
                c.footerValues(Deprecations.REMOVED).forEach(v -> keys.add(Deprecations.key(v)));
            }
        }
        return keys;
    }

    private static boolean matches(List<String> globs, String file) {
        for (String glob : globs) {
            PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + glob);
            if (m.matches(Path.of(file))) {
                return true;
            }
        }
        return false;
    }

    /** Links the ticket to the pull request and records what the pull request proves, as the github actor. */
    private void update(long ticket, long number, boolean merged, String title, Verdict verdict) {
        tickets.link(ticket, new TicketLink(LinkKind.PULL_REQUEST, "#" + number, merged), IssueSync.GITHUB);
        TicketView t = tickets.get(ticket);
        String evidence = null;
        if (verdict.testsChanged() && (t.testEvidence() == null || t.testEvidence().startsWith("PR #"))) {
            String list = verdict.testFiles().stream().limit(10).collect(Collectors.joining(", "));
            int more = verdict.testFiles().size() - 10;
            evidence = GitHubText.clean("PR #" + number + " : tests modifiés — " + list + (more > 0 ? " (+" + more + ")" : ""),
                    4000);
        }
        String note = null;
        if ((t.releaseNote() == null || t.releaseNote().isBlank())
                && ConventionalCommitParser.parse(title) instanceof ConventionalCommit c) {
            String d = c.description().strip();
            note = GitHubText.clean(d.isEmpty() ? d : d.substring(0, 1).toUpperCase(Locale.ROOT) + d.substring(1), 500);
        }
        Boolean api = verdict.apiChanged() && !t.apiImpact() ? Boolean.TRUE : null;
        Boolean docs = verdict.docsChanged() && verdict.apiChanged() && !t.docsUpdated() ? Boolean.TRUE : null;
        Boolean changelog = verdict.changelogChanged() && verdict.apiChanged() && !t.changelogUpdated() ? Boolean.TRUE : null;
        if (evidence != null || note != null || api != null || docs != null || changelog != null) {
            tickets.update(ticket, new TicketView.Changes(t.version(), null, null, null, null, null, null, null, null,
                    evidence, note, api, docs, changelog), IssueSync.GITHUB);
        }
    }

    private void postStatus(String repository, String sha, Verdict verdict) {
        String description = description(verdict);
        String state = verdict.passes() ? "success" : "failure";
        String target = verdict.tickets().isEmpty() ? publicUrl + "/tickets" : publicUrl + "/tickets/" + verdict.tickets().getFirst();
        var body = Payloads.JSON.createObjectNode().put("state", state).put("target_url", target)
                .put("description", description).put("context", CONTEXT);
        outbox.enqueue("status:" + repository + ":" + sha + ":" + Integer.toHexString((state + description + target).hashCode()),
                "request", "POST", GitHubClient.repo(repository, "/statuses/" + sha), body);
    }

    static String description(Verdict verdict) {
        String text = verdict.passes()
                ? "Conforme au plan (ticket " + verdict.tickets().stream().map(n -> "#" + n).collect(Collectors.joining(", ")) + ")"
                : "Manque : " + String.join(", ", verdict.missing());
        return text.length() <= DESCRIPTION_MAX ? text : text.substring(0, DESCRIPTION_MAX - 1) + "…";
    }

    private List<String> commitMessages(String repository, long number) {
        return client.getAll(GitHubClient.repo(repository, "/pulls/" + number + "/commits?per_page=100"), null).stream()
                .map(c -> c.path("commit").path("message").asString("")).toList();
    }

    private List<String> changedFiles(String repository, long number) {
        return client.getAll(GitHubClient.repo(repository, "/pulls/" + number + "/files?per_page=100"), null).stream()
                .map(f -> f.path("filename").asString("")).filter(f -> !f.isEmpty()).toList();
    }
}
