package dev.maintenancedesk.github;

import dev.maintenancedesk.problem.FieldError;
import dev.maintenancedesk.problem.InvalidInput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Imports existing GitHub issues as tickets: the JSON {@code gh issue list --state all --json
 * number,title,body,labels,state,createdAt,closedAt,author,assignees,url} writes, or the repository's issues
 * through the REST API (paged). One transaction per issue; importing again changes nothing.
 */
@Service
public class GitHubImport {

    private static final Pattern REPOSITORY = Pattern.compile("[A-Za-z0-9_.-]{1,100}/[A-Za-z0-9_.-]{1,100}");

    private final IssueSync sync;
    private final GitHubClient client;
    private final GitHubSettings settings;
    private final TransactionTemplate transaction;

    GitHubImport(IssueSync sync, GitHubClient client, GitHubSettings settings, PlatformTransactionManager transactions) {
        this.sync = sync;
        this.client = client;
        this.settings = settings;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** What an import did: issues read, tickets opened, updated, unchanged, pull requests skipped. */
    public record Summary(int read, int opened, int updated, int unchanged, int skipped) {
        public String line() {
            return read + " issues read: " + opened + " tickets opened, " + updated + " updated, " + unchanged
                    + " unchanged" + (skipped > 0 ? ", " + skipped + " pull requests skipped" : "") + ".";
        }
    }

    /** Progress: issues done so far, and the total when known (else -1). */
    public interface Progress {
        void done(int count, int total);
    }

    /** The JSON file {@code gh issue list --json …} wrote; the repository is the one its urls name, else the setting. */
    public Summary importFile(Path file, Progress progress) {
        JsonNode array;
        try {
            array = Payloads.JSON.readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            throw InvalidInput.of(FieldError.of("FILE", "unreadable", "cannot read " + file + ": " + e.getMessage()));
        } catch (JacksonException e) {
            throw InvalidInput.of(FieldError.of("FILE", "invalid-json", file + " is not JSON: " + e.getOriginalMessage()));
        }
        if (array == null || !array.isArray()) {
            throw InvalidInput.of(FieldError.of("FILE", "not-an-array",
                    "expected the JSON array that gh issue list --json … writes"));
        }
        List<FieldError> errors = new ArrayList<>();
        List<ObjectNode> issues = new ArrayList<>();
        String repository = settings.repository();
        for (int i = 0; i < array.size(); i++) {
            JsonNode item = array.get(i);
            String at = "[" + i + "]";
            int before = errors.size();
            if (!item.path("number").isIntegralNumber()) errors.add(FieldError.of(at + ".number", "required", "must be an integer"));
            if (!item.path("title").isString()) errors.add(FieldError.of(at + ".title", "required", "must be a string"));
            if (!item.path("state").isString()) errors.add(FieldError.of(at + ".state", "required", "must be OPEN or CLOSED"));
            if (!time(item.path("createdAt"))) errors.add(FieldError.of(at + ".createdAt", "required", "must be a date-time"));
            if (item.has("closedAt") && !item.path("closedAt").isNull() && !time(item.path("closedAt"))) {
                errors.add(FieldError.of(at + ".closedAt", "date-time", "must be a date-time or null"));
            }
            if (errors.size() > 20) {
                break;
            }
            String url = item.path("url").asString("");
            var m = Pattern.compile("https?://[^/]+/([^/]+/[^/]+)/issues/\\d+").matcher(url);
            if (m.matches()) {
                repository = repository == null ? m.group(1) : repository;
            }
            if (errors.size() == before) {
                issues.add(fromGh(item));
            }
        }
        if (!errors.isEmpty()) {
            throw InvalidInput.of(errors);
        }
        if (repository == null) {
            throw InvalidInput.of(FieldError.of("DESK_GITHUB_REPOSITORY", "required",
                    "the issues' urls name no repository: set DESK_GITHUB_REPOSITORY"));
        }
        return run(repository, issues, progress, 0);
    }

    /** The repository's issues through the REST API, page by page. */
    public Summary importRepository(String repository, Progress progress) {
        if (repository == null || !REPOSITORY.matcher(repository).matches()) {
            throw InvalidInput.of(FieldError.of("repository", "owner-name", "must be OWNER/NAME", repository));
        }
        List<JsonNode> all;
        try {
            all = client.getAll(GitHubClient.repo(repository, "/issues?state=all&per_page=100"), n -> progress.done(n, -1));
        } catch (GitHubClient.Unavailable | GitHubClient.Refused e) {
            throw InvalidInput.of(FieldError.of("repository", "github-unreachable",
                    "cannot read the issues of " + repository + " from GitHub: " + e.getMessage(), repository));
        }
        List<ObjectNode> issues = new ArrayList<>();
        int skipped = 0;
        for (JsonNode item : all) {
            if (item.has("pull_request")) {
                skipped++;
            } else {
                issues.add((ObjectNode) item);
            }
        }
        return run(repository, issues, progress, skipped);
    }

    private Summary run(String repository, List<ObjectNode> issues, Progress progress, int skipped) {
        int opened = 0, updated = 0, unchanged = 0, done = 0;
        for (ObjectNode issue : issues) {
            IssueSync.Imported result = transaction.execute(s -> sync.importIssue(repository, issue));
            switch (result) {
                case OPENED -> opened++;
                case UPDATED -> updated++;
                default -> unchanged++;
            }
            progress.done(++done, issues.size());
        }
        return new Summary(issues.size() + skipped, opened, updated, unchanged, skipped);
    }

    /** gh's field names and shapes → the REST/webhook issue shape. */
    private static ObjectNode fromGh(JsonNode item) {
        ObjectNode issue = Payloads.JSON.createObjectNode();
        issue.put("number", item.get("number").asLong());
        issue.put("title", item.get("title").asString());
        issue.put("body", item.path("body").asString(""));
        issue.put("state", item.get("state").asString().toLowerCase(java.util.Locale.ROOT));
        issue.put("created_at", item.get("createdAt").asString());
        if (time(item.path("closedAt"))) {
            issue.put("closed_at", item.get("closedAt").asString());
        }
        var labels = issue.putArray("labels");
        item.path("labels").forEach(l -> labels.addObject().put("name", l.isString() ? l.asString() : l.path("name").asString("")));
        var assignees = issue.putArray("assignees");
        item.path("assignees").forEach(a -> assignees.addObject().put("login", a.path("login").asString("")));
        issue.putObject("user").put("login", item.path("author").path("login").asString(""));
        if (item.path("url").isString()) {
            issue.put("html_url", item.get("url").asString());
        }
        return issue;
    }

    private static boolean time(JsonNode n) {
        if (!n.isString()) {
            return false;
        }
        try {
            Instant.parse(n.asString());
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

}
