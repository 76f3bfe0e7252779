package dev.maintenancedesk.github;

import dev.maintenancedesk.plan.Plan;
import dev.maintenancedesk.releases.ConventionalCommitParser;
import dev.maintenancedesk.releases.GitCommit;
import dev.maintenancedesk.releases.Release;
import dev.maintenancedesk.releases.ReleaseNotes;
import dev.maintenancedesk.releases.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * {@code release}, {@code deployment_status}, and a pushed version tag ({@code push}/{@code create}).
 * Releases and deployments are stored for the KPIs, and a deployment status is published as
 * {@link DeploymentReported}. A pushed version tag gets its GitHub Release with the desk's notes, built
 * from the commits since the previous version tag (read through the REST API), in the plan's language.
 */
@Component
class ReleaseEvents implements DeliveryHandler {

    private final GitHubSettings settings;
    private final GitHubClient client;
    private final GitHubReleases releases;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Plan plan;

    ReleaseEvents(GitHubSettings settings, GitHubClient client, GitHubReleases releases, JdbcClient jdbc,
            ApplicationEventPublisher events, Plan plan) {
        this.settings = settings;
        this.client = client;
        this.releases = releases;
        this.jdbc = jdbc;
        this.events = events;
        this.plan = plan;
    }

    @Override
    public Set<String> events() {
        return Set.of("release", "deployment_status", "push", "create");
    }

    @Override
    public Outcome handle(String event, JsonNode payload) {
        String repository = Payloads.string(payload, "repository.full_name");
        if (repository != null && !settings.concerns(repository)) {
            return Outcome.ignored("other-repository", settings.repository());
        }
        return switch (event) {
            case "release" -> {
                JsonNode r = payload.path("release");
                if (!Set.of("published", "released", "created").contains(payload.path("action").asString())) {
                    yield Outcome.ignored("action-unused", payload.path("action").asString());
                }
                releases.record(repository, r.path("tag_name").asString(), null, r.path("html_url").asString(null), "github");
                yield Outcome.done();
            }
            case "deployment_status" -> deployment(payload);
            case "push" -> {
                String ref = payload.path("ref").asString();
                yield ref.startsWith("refs/tags/") && !payload.path("deleted").asBoolean(false)
                        ? tag(repository, ref.substring("refs/tags/".length()), payload)
                        : Outcome.ignored("not-a-tag", null);
            }
            default -> "tag".equals(payload.path("ref_type").asString())
                    ? tag(repository, payload.path("ref").asString(), payload) : Outcome.ignored("not-a-tag", null);
        };
    }

    private Outcome deployment(JsonNode payload) {
        JsonNode status = payload.path("deployment_status");
        String environment = payload.path("deployment").path("environment").asString();
        String sha = payload.path("deployment").path("sha").asString();
        String state = status.path("state").asString();
        Instant at = status.path("created_at").isString() ? Instant.parse(status.path("created_at").asString())
                : Instant.now();
        String url = status.path("environment_url").isString() && !status.path("environment_url").asString().isEmpty()
                ? status.path("environment_url").asString()
                : status.path("target_url").isString() && !status.path("target_url").asString().isEmpty()
                        ? status.path("target_url").asString() : null;
        int inserted = jdbc.sql("""
                INSERT INTO github_deployments (environment, sha, state, url, reported_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT DO NOTHING""").params(GitHubText.clean(environment, 200), sha, GitHubText.clean(state, 40),
                url == null ? null : GitHubText.clean(url, 500), at.atOffset(java.time.ZoneOffset.UTC)).update();
        if (inserted == 1) {
            events.publishEvent(new DeploymentReported(environment, sha, state, at, url));
        }
        return Outcome.done();
    }

    /** A pushed version tag: the desk's notes since the previous version tag become its GitHub Release. */
    private Outcome tag(String repository, String tag, JsonNode payload) {
        Optional<Version> version = Version.fromTag(tag);
        if (version.isEmpty()) {
            return Outcome.ignored("not-a-version-tag", tag);
        }
        if (!settings.writesBack()) {
            releases.record(repository, tag, null, null, "tag");
            return Outcome.ignored("tag-without-token", tag);
        }
        Optional<String> previous = client.getAll(GitHubClient.repo(repository, "/tags?per_page=100"), null).stream()
                .map(t -> t.path("name").asString(""))
                .filter(n -> Version.fromTag(n).filter(v -> v.compareTo(version.get()) < 0).isPresent())
                .max((a, b) -> Version.fromTag(a).get().compareTo(Version.fromTag(b).get()));
        List<JsonNode> commits = previous.isPresent()
                ? list(client.get(GitHubClient.repo(repository, "/compare/" + previous.get() + "..." + tag)).body()
                        .path("commits"))
                : client.getAll(GitHubClient.repo(repository, "/commits?sha=" + tag + "&per_page=100"), null);
        List<GitCommit> newestFirst = new ArrayList<>();
        for (JsonNode c : commits) {
            String sha = c.path("sha").asString();
            Instant time = c.path("commit").path("committer").path("date").isString()
                    ? Instant.parse(c.path("commit").path("committer").path("date").asString()) : Instant.EPOCH;
            newestFirst.add(new GitCommit(sha, sha.length() > 7 ? sha.substring(0, 7) : sha, time,
                    c.path("parents").size() > 1, ConventionalCommitParser.parse(c.path("commit").path("message").asString(""))));
        }
        newestFirst.sort((a, b) -> b.time().compareTo(a.time()));
        String web = payload.path("repository").path("html_url").asString("https://github.com/" + repository);
        Release release = Release.of(version.get(), tag, LocalDate.now(plan.calendar().zone()), newestFirst);
        String notes = new ReleaseNotes(plan, plan.language(), web).notes(release);
        releases.queue(repository, tag, notes, "release:" + repository + ":" + tag + ":" + Integer.toHexString(notes.hashCode()),
                "tag");
        return Outcome.done();
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }
}
