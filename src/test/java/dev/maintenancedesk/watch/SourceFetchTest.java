package dev.maintenancedesk.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.maintenancedesk.plan.Watch;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each kind of source fetched from a loopback server answering with real-format files: RSS 2.0, Atom, the NVD
 * CVE API 2.0 (paged, through the rate limiter), OSV's querybatch (paged) and vulns; and the failures: a
 * timeout, a 304, garbage, a 429 with Retry-After, a 500.
 */
class SourceFetchTest {

    static final Instant NOW = Instant.parse("2024-08-31T12:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static FeedServer server;
    static final List<Duration> WAITS = new ArrayList<>();

    @BeforeAll
    static void start() {
        server = new FeedServer();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static SourceFetcher fetcher(RateLimiter limiter) {
        return fetcher(limiter, CLOCK);
    }

    static SourceFetcher fetcher(RateLimiter limiter, Clock clock) {
        // 5 s: a first fetch on a busy machine (class loading, a cold JIT) may take over a second; /slow waits 10 s
        return new SourceFetcher(new SourceHttp(Duration.ofSeconds(5), clock), limiter, null, 2, 20, 300);
    }

    static SourceFetcher fetcher() {
        return fetcher(new RateLimiter(5, Duration.ofSeconds(30), () -> 0L, WAITS::add));
    }

    static Watch.Source source(String key, Watch.Kind kind, String path, String... packages) {
        return new Watch.Source(key, key, kind, server.url(path), List.of(packages));
    }

    private static Batch fetch(Watch.Source s, SourceFetcher.Previous previous, List<Dependency> deps) throws SourceHttp.Failure {
        return fetcher().fetch(s, previous, deps, id -> null, NOW);
    }

    @Test
    void rss2() throws Exception {
        Batch b = fetch(source("django", Watch.Kind.FEED, "/django.rss"), SourceFetcher.Previous.NONE, List.of());
        assertThat(b.notModified()).isFalse();
        assertThat(b.etag()).isEqualTo(FeedServer.ETAG);
        assertThat(b.lastModified()).isEqualTo(FeedServer.LAST_MODIFIED);
        assertThat(b.items()).extracting(Item::title).containsExactly("Django security releases issued: 5.0.8 and 4.2.15",
                "Django 5.1 released", "Django bugfix release issued: 5.0.7");
        Item first = b.items().getFirst();
        assertThat(first.guid()).isEqualTo("https://www.djangoproject.com/weblog/2024/aug/06/security-releases/");
        assertThat(first.link()).isEqualTo(first.guid());
        assertThat(first.published()).isEqualTo(Instant.parse("2024-08-06T14:00:00Z"));
        assertThat(first.summary()).startsWith("In accordance with our security release policy, the Django team is issuing Django 5.0.8")
                .doesNotContain("<", "&lt;");
    }

    @Test
    void aConditionalGetAnswered304IsNothingNew() throws Exception {
        Batch b = fetch(source("django", Watch.Kind.FEED, "/django.rss"),
                new SourceFetcher.Previous(FeedServer.ETAG, FeedServer.LAST_MODIFIED, NOW.minusSeconds(3600)), List.of());
        assertThat(b.notModified()).isTrue();
        assertThat(b.items()).isEmpty();
        assertThat(b.etag()).isEqualTo(FeedServer.ETAG);
        assertThat(b.lastModified()).as("kept from before").isEqualTo(FeedServer.LAST_MODIFIED);
        assertThat(server.requests).contains("GET /django.rss If-None-Match: " + FeedServer.ETAG);
    }

    @Test
    void atom() throws Exception {
        Batch b = fetch(source("drf", Watch.Kind.FEED, "/drf.atom"), SourceFetcher.Previous.NONE, List.of());
        assertThat(b.items()).extracting(Item::guid).containsExactly("tag:github.com,2008:Repository/1039839/3.15.3",
                "tag:github.com,2008:Repository/1039839/3.15.2");
        Item first = b.items().getFirst();
        assertThat(first.title()).isEqualTo("Version 3.15.3");
        assertThat(first.link()).isEqualTo("https://github.com/encode/django-rest-framework/releases/tag/3.15.3");
        assertThat(first.published()).isEqualTo(Instant.parse("2024-08-20T09:12:44Z"));
        assertThat(first.summary()).isEqualTo("What's Changed Fix potential XSS vulnerability in break_long_headers template filter");
    }

    @Test
    void nvdIsTimeWindowedPagedAndRateLimited() throws Exception {
        List<Duration> waits = new ArrayList<>();
        RateLimiter limiter = new RateLimiter(5, Duration.ofSeconds(30), () -> 0L, waits::add);
        int before = server.requests.size();
        Batch b = fetcher(limiter).fetch(source("cve", Watch.Kind.NVD, "/nvd", "PyPI:django"),
                new SourceFetcher.Previous(null, null, Instant.parse("2024-08-30T12:00:00Z")), List.of(), id -> null, NOW);
        List<String> asked = server.requests.subList(before, server.requests.size());
        assertThat(asked).containsExactly(
                "GET /nvd?lastModStartDate=2024-08-30T11%3A00%3A00.000%2B00%3A00&lastModEndDate=2024-08-31T12%3A00%3A00.000%2B00%3A00"
                        + "&resultsPerPage=2&startIndex=0&keywordSearch=django",
                "GET /nvd?lastModStartDate=2024-08-30T11%3A00%3A00.000%2B00%3A00&lastModEndDate=2024-08-31T12%3A00%3A00.000%2B00%3A00"
                        + "&resultsPerPage=2&startIndex=2&keywordSearch=django");
        assertThat(waits).as("two requests fit in the window").isEmpty();
        assertThat(b.advisories()).extracting(Advisory::id).containsExactly("CVE-2024-41989", "CVE-2024-41990", "CVE-2024-42005");
        Advisory cve = b.advisories().getFirst();
        assertThat(cve.cvss()).isEqualByComparingTo("7.5");
        assertThat(cve.published()).isEqualTo(Instant.parse("2024-08-07T15:15:56.250Z"));
        assertThat(cve.summary()).startsWith("An issue was discovered in Django 5.0 before 5.0.8");
        assertThat(cve.link()).isEqualTo("https://nvd.nist.gov/vuln/detail/CVE-2024-41989");
        assertThat(cve.affected()).hasSize(2).allSatisfy(a -> assertThat(a.ecosystem()).isEqualTo("CPE:djangoproject"));
        assertThat(AffectedVersions.check(cve.affected().getFirst(), Ecosystem.PYPI, "4.2.7"))
                .contains(new AffectedVersions.Finding("4.2.15"));
        assertThat(b.advisories().get(2).cvss()).isEqualByComparingTo("9.8");
        assertThat(b.items()).extracting(Item::advisoryId).containsExactly("CVE-2024-41989", "CVE-2024-41990", "CVE-2024-42005");
    }

    @Test
    void nvdWindowIsAtMost120Days() throws Exception {
        int before = server.requests.size();
        fetcher().fetch(source("cve", Watch.Kind.NVD, "/nvd"), new SourceFetcher.Previous(null, null,
                Instant.parse("2023-01-01T00:00:00Z")), List.of(), id -> null, NOW);
        assertThat(server.requests.get(before)).startsWith("GET /nvd?lastModStartDate=2024-05-03T12%3A01%3A00.000%2B00%3A00&")
                .doesNotContain("keywordSearch");
    }

    @Test
    void theRateLimiterWaitsForTheWindowWithoutSleeping() throws Exception {
        AtomicLong now = new AtomicLong();
        List<Duration> waits = new ArrayList<>();
        RateLimiter limiter = new RateLimiter(5, Duration.ofSeconds(30), now::get, d -> {
            waits.add(d);
            now.addAndGet(d.toNanos());
        });
        for (int i = 0; i < 5; i++) {
            limiter.acquire();
            now.addAndGet(Duration.ofSeconds(1).toNanos());
        }
        assertThat(waits).isEmpty();
        limiter.acquire(); // sixth at t=5 s: the first left the window at 30 s
        assertThat(waits).containsExactly(Duration.ofSeconds(25));
        limiter.acquire(); // seventh at 30 s: the second (at 1 s) leaves at 31 s
        assertThat(waits).containsExactly(Duration.ofSeconds(25), Duration.ofSeconds(1));
        now.addAndGet(Duration.ofSeconds(60).toNanos());
        limiter.acquire();
        assertThat(waits).hasSize(2);
    }

    @Test
    void osvQuerybatchIsPagedThenEachRecordFetched() throws Exception {
        List<Dependency> deps = List.of(new Dependency("requirements.txt", Ecosystem.PYPI, "Django", "4.2.7", "==4.2.7"),
                new Dependency("requirements.txt", Ecosystem.PYPI, "psycopg2-binary", "2.9.9", "==2.9.9"));
        server.osvBodies.clear();
        Batch b = fetch(source("osv", Watch.Kind.OSV, "/osv/v1/querybatch", "PyPI:djangorestframework"),
                SourceFetcher.Previous.NONE, deps);
        assertThat(server.osvBodies).containsExactly(
                "{\"queries\":[{\"package\":{\"ecosystem\":\"PyPI\",\"name\":\"Django\"}},"
                        + "{\"package\":{\"ecosystem\":\"PyPI\",\"name\":\"psycopg2-binary\"}},"
                        + "{\"package\":{\"ecosystem\":\"PyPI\",\"name\":\"djangorestframework\"}}]}",
                "{\"queries\":[{\"package\":{\"ecosystem\":\"PyPI\",\"name\":\"Django\"},\"page_token\":\"page-2\"}]}");
        assertThat(b.advisories()).extracting(Advisory::id).containsExactlyInAnyOrder("PYSEC-0000-CVE-2024-41989",
                "PYSEC-0000-CVE-2023-36053", "PYSEC-2020-263");
        assertThat(b.advisories().getFirst().aliases()).containsExactly("CVE-2024-41989");
    }

    @Test
    void osvRecordsStoredAtTheirLatestModificationAreNotFetchedAgain() throws Exception {
        int before = server.requests.size();
        Batch b = fetcher().fetch(source("osv", Watch.Kind.OSV, "/osv/v1/querybatch", "PyPI:djangorestframework"),
                SourceFetcher.Previous.NONE, List.of(), id -> Instant.parse("2022-01-01T00:00:00Z"), NOW);
        assertThat(b.advisories()).isEmpty();
        assertThat(server.requests.subList(before, server.requests.size())).containsExactly("POST /osv/v1/querybatch");
    }

    @Test
    void aSourceThatDoesNotAnswerInTimeFails() {
        assertThatThrownBy(() -> fetch(source("slow", Watch.Kind.FEED, "/slow"), SourceFetcher.Previous.NONE, List.of()))
                .isInstanceOf(SourceHttp.Failure.class).hasMessageContaining("timed out");
    }

    @Test
    void garbageIsNotAFeed() {
        assertThatThrownBy(() -> fetch(source("garbage", Watch.Kind.FEED, "/garbage"), SourceFetcher.Previous.NONE, List.of()))
                .isInstanceOf(SourceHttp.Failure.class).hasMessageStartingWith("not an RSS or Atom feed");
        assertThatThrownBy(() -> fetch(source("nvd", Watch.Kind.NVD, "/garbage"), SourceFetcher.Previous.NONE, List.of()))
                .isInstanceOf(SourceHttp.Failure.class).hasMessageStartingWith("not JSON (NVD CVE API 2.0 page)");
        assertThatThrownBy(() -> fetch(source("nvd", Watch.Kind.NVD, "/nvd-garbage"), SourceFetcher.Previous.NONE, List.of()))
                .isInstanceOf(SourceHttp.Failure.class).hasMessage("not an NVD CVE API 2.0 answer (no vulnerabilities/totalResults)");
        assertThatThrownBy(() -> fetch(source("osv", Watch.Kind.OSV, "/garbage"), SourceFetcher.Previous.NONE,
                List.of(new Dependency("r", Ecosystem.PYPI, "django", "1.0", "==1.0"))))
                .isInstanceOf(SourceHttp.Failure.class).hasMessageStartingWith("not JSON (OSV querybatch)");
    }

    @Test
    void a429SaysWhenToComeBack() {
        assertThatThrownBy(() -> fetch(source("busy", Watch.Kind.FEED, "/busy"), SourceFetcher.Previous.NONE, List.of()))
                .isInstanceOfSatisfying(SourceHttp.Failure.class, f -> {
                    assertThat(f.retryAfter).isEqualTo(NOW.plusSeconds(120));
                    assertThat(f).hasMessage("HTTP 429 (too many requests)");
                });
    }

    @Test
    void retryAfterAsAnHttpDate() {
        SourceHttp http = new SourceHttp(Duration.ofSeconds(1), CLOCK);
        assertThat(http.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT")).isEqualTo(Instant.parse("2015-10-21T07:28:00Z"));
        assertThat(http.retryAfter("soon")).isNull();
    }

    @Test
    void serverErrorsAndRefusedConnections() throws Exception {
        assertThatThrownBy(() -> fetch(source("broken", Watch.Kind.FEED, "/broken"), SourceFetcher.Previous.NONE, List.of()))
                .isInstanceOf(SourceHttp.Failure.class).hasMessage("HTTP 500");
        int closedPort;
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        Watch.Source closed = new Watch.Source("closed", "closed", Watch.Kind.FEED, "http://127.0.0.1:" + closedPort + "/x", List.of());
        assertThatThrownBy(() -> fetch(closed, SourceFetcher.Previous.NONE, List.of()))
                .isInstanceOf(SourceHttp.Failure.class).hasMessageStartingWith("cannot connect to 127.0.0.1");
    }
}
