package dev.maintenancedesk.watch;

import dev.maintenancedesk.plan.Watch;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Fetches one source by its kind: a feed (conditional GET, Rome), the NVD CVE API 2.0 (CVEs modified in a time
 * window, paged with {@code startIndex}/{@code resultsPerPage}, every request through the rate limiter) or OSV
 * ({@code /v1/querybatch} for the product's packages, then {@code /v1/vulns/{id}} for each advisory not yet
 * stored at its latest modification).
 */
final class SourceFetcher {

    /** NVD accepts at most 120 days between lastModStartDate and lastModEndDate. */
    static final Duration NVD_MAX_WINDOW = Duration.ofDays(120);
    static final Duration NVD_FIRST_WINDOW = Duration.ofDays(30);
    private static final DateTimeFormatter NVD_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxxx")
            .withZone(ZoneOffset.UTC);

    private final SourceHttp http;
    private final RateLimiter nvdLimiter;
    private final String nvdApiKey;
    private final int nvdPageSize;
    private final int maxPages;
    private final int maxVulns;

    SourceFetcher(SourceHttp http, RateLimiter nvdLimiter, String nvdApiKey, int nvdPageSize, int maxPages, int maxVulns) {
        this.http = http;
        this.nvdLimiter = nvdLimiter;
        this.nvdApiKey = nvdApiKey == null || nvdApiKey.isBlank() ? null : nvdApiKey.strip();
        this.nvdPageSize = nvdPageSize;
        this.maxPages = maxPages;
        this.maxVulns = maxVulns;
    }

    /** What is known of a source's previous fetch. */
    record Previous(String etag, String lastModified, Instant lastSuccess) {
        static final Previous NONE = new Previous(null, null, null);
    }

    Batch fetch(Watch.Source source, Previous previous, List<Dependency> dependencies,
            Function<String, Instant> storedModified, Instant now) throws SourceHttp.Failure {
        URI uri = SourceHttp.uri(source.url()).orElseThrow(() -> new SourceHttp.Failure("badUrl", "not a URL: " + source.url(), source.url()));
        return switch (source.kind()) {
            case FEED -> feed(uri, previous, now);
            case NVD -> nvd(uri, source, previous, now);
            case OSV -> osv(uri, source, dependencies, storedModified, now);
        };
    }

    private Batch feed(URI uri, Previous previous, Instant now) throws SourceHttp.Failure {
        SourceHttp.Answer answer = http.get(uri, previous.etag(), previous.lastModified(), Map.of());
        if (answer.notModified()) {
            return Batch.unchanged(answer.etag() != null ? answer.etag() : previous.etag(),
                    answer.lastModified() != null ? answer.lastModified() : previous.lastModified());
        }
        return new Batch(FeedParser.parse(answer.body(), now), List.of(), answer.etag(), answer.lastModified(), false);
    }

    private Batch nvd(URI base, Watch.Source source, Previous previous, Instant now) throws SourceHttp.Failure {
        Instant start = previous.lastSuccess() == null ? now.minus(NVD_FIRST_WINDOW)
                : previous.lastSuccess().minus(Duration.ofHours(1)); // a little overlap: NVD's clock is not ours
        if (start.isBefore(now.minus(NVD_MAX_WINDOW))) {
            start = now.minus(NVD_MAX_WINDOW).plusSeconds(60);
        }
        List<String> keywords = source.packages().isEmpty() ? java.util.Collections.singletonList(null)
                : source.packages().stream().map(p -> p.substring(p.indexOf(':') + 1)).distinct().toList();
        Map<String, Advisory> advisories = new LinkedHashMap<>();
        Map<String, String> headers = nvdApiKey == null ? Map.of() : Map.of("apiKey", nvdApiKey);
        for (String keyword : keywords) {
            int startIndex = 0;
            for (int page = 0; page < maxPages; page++) {
                StringBuilder q = new StringBuilder(base.toString()).append(base.getQuery() == null ? '?' : '&')
                        .append("lastModStartDate=").append(encode(NVD_DATE.format(start)))
                        .append("&lastModEndDate=").append(encode(NVD_DATE.format(now)))
                        .append("&resultsPerPage=").append(nvdPageSize).append("&startIndex=").append(startIndex);
                if (keyword != null) {
                    q.append("&keywordSearch=").append(encode(keyword));
                }
                try {
                    nvdLimiter.acquire();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new SourceHttp.Failure("interrupted", "interrupted");
                }
                JsonNode answer = OsvRecords.tree(http.get(URI.create(q.toString()), null, null, headers).body(),
                        "NVD CVE API 2.0 page");
                if (!answer.path("vulnerabilities").isArray() || !answer.path("totalResults").isNumber()) {
                    throw new SourceHttp.Failure("notNvd", "not an NVD CVE API 2.0 answer (no vulnerabilities/totalResults)");
                }
                for (Advisory a : OsvRecords.nvd(answer)) {
                    advisories.put(a.id(), a);
                }
                int per = answer.path("resultsPerPage").asInt(nvdPageSize);
                int total = answer.path("totalResults").asInt();
                startIndex = answer.path("startIndex").asInt(startIndex) + Math.max(per, 1);
                if (startIndex >= total || per == 0) {
                    break;
                }
            }
        }
        List<Advisory> list = List.copyOf(advisories.values());
        return new Batch(items(list, now), list, null, null, false);
    }

    private Batch osv(URI querybatch, Watch.Source source, List<Dependency> dependencies,
            Function<String, Instant> storedModified, Instant now) throws SourceHttp.Failure {
        Set<List<String>> packages = new LinkedHashSet<>();
        for (Dependency d : dependencies) {
            packages.add(List.of(d.ecosystem().osvName(), d.name()));
        }
        for (String p : source.packages()) {
            int colon = p.indexOf(':');
            packages.add(List.of(p.substring(0, colon), p.substring(colon + 1)));
        }
        Map<String, Instant> ids = new LinkedHashMap<>();
        List<List<String>> all = List.copyOf(packages);
        for (int from = 0; from < all.size(); from += 1000) {
            List<List<String>> chunk = all.subList(from, Math.min(all.size(), from + 1000));
            List<String> tokens = new ArrayList<>(java.util.Collections.nCopies(chunk.size(), (String) null));
            for (int page = 0; page < maxPages; page++) {
                ObjectNode body = OsvRecords.JSON.createObjectNode();
                ArrayNode queries = body.putArray("queries");
                List<Integer> asked = new ArrayList<>();
                for (int i = 0; i < chunk.size(); i++) {
                    if (page > 0 && tokens.get(i) == null) {
                        continue;
                    }
                    ObjectNode q = queries.addObject();
                    q.putObject("package").put("ecosystem", chunk.get(i).get(0)).put("name", chunk.get(i).get(1));
                    if (tokens.get(i) != null) {
                        q.put("page_token", tokens.get(i));
                    }
                    asked.add(i);
                }
                if (asked.isEmpty()) {
                    break;
                }
                JsonNode answer = OsvRecords.tree(http.postJson(querybatch, body.toString()).body(), "OSV querybatch");
                if (!answer.path("results").isArray() || answer.path("results").size() != asked.size()) {
                    throw new SourceHttp.Failure("notOsv", "not an OSV querybatch answer (one result per query expected)");
                }
                for (int k = 0; k < asked.size(); k++) {
                    JsonNode result = answer.path("results").get(k);
                    for (JsonNode v : result.path("vulns")) {
                        String id = DependencyFiles.text(v.path("id"));
                        if (id != null) {
                            ids.put(id, OsvRecords.instant(v.path("modified")));
                        }
                    }
                    tokens.set(asked.get(k), DependencyFiles.text(result.path("next_page_token")));
                }
                if (tokens.stream().allMatch(java.util.Objects::isNull)) {
                    break;
                }
            }
        }
        String path = querybatch.getPath();
        URI vulns = querybatch.resolve(path.substring(0, path.lastIndexOf('/') + 1) + "vulns/");
        List<Advisory> advisories = new ArrayList<>();
        for (Map.Entry<String, Instant> id : ids.entrySet()) {
            Instant stored = storedModified.apply(id.getKey());
            if (stored != null && id.getValue() != null && !id.getValue().isAfter(stored)) {
                continue; // unchanged since we stored it
            }
            if (advisories.size() >= maxVulns) {
                break; // the rest on the next run
            }
            URI one = vulns.resolve(URLEncoder.encode(id.getKey(), StandardCharsets.UTF_8));
            advisories.add(OsvRecords.osv(OsvRecords.tree(http.get(one, null, null, Map.of()).body(), "OSV record")));
        }
        return new Batch(items(advisories, now), advisories, null, null, false);
    }

    private static List<Item> items(List<Advisory> advisories, Instant now) {
        return advisories.stream().map(a -> new Item(a.id(), Texts.clip(a.id() + (a.summary() == null ? ""
                : " — " + a.summary()), 500), a.link(), Texts.clip(a.summary(), 500),
                a.published() != null ? a.published() : a.modified() != null ? a.modified() : now, a.id())).toList();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
