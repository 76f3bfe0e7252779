package dev.maintenancedesk.watch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maintenancedesk.DeskClient;
import dev.maintenancedesk.DeskTest;
import dev.maintenancedesk.plan.Watch;
import dev.maintenancedesk.preventive.PreventiveTicketOpened;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The whole watch on the real application and database, against the loopback sources: items stored once,
 * an OSV record and the NVD CVE it aliases merged into one advisory, failing sources recorded and not fatal,
 * one security ticket per advisory and version (not twice on the next run), the month's digest on the page,
 * as Markdown, and in the preventive calendar's "Veille YYYY-MM" ticket.
 */
@DeskTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TechnologyWatchTest {

    static FeedServer server;
    static final YearMonth AUGUST = YearMonth.of(2024, 8);

    @LocalServerPort
    int port;
    @Autowired
    TechnologyWatch watch;
    @Autowired
    WatchStore store;
    @Autowired
    ProductDependencies dependencies;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    java.time.Clock clock;
    @Autowired
    org.springframework.context.ApplicationContext context;

    @TempDir
    static Path clone;

    @BeforeAll
    static void start() throws Exception {
        server = new FeedServer();
        for (String f : List.of("requirements.txt", "poetry.lock", "package-lock.json", "pom.xml")) {
            Files.copy(DependencyFilesTest.product().resolve(f), clone.resolve(f));
        }
        Files.createDirectories(clone.resolve("front"));
        Files.writeString(clone.resolve("front/package-lock.json"), "{\"packages\": {");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static List<Watch.Source> sources() {
        return List.of(SourceFetchTest.source("t-django", Watch.Kind.FEED, "/django.rss"),
                SourceFetchTest.source("t-drf", Watch.Kind.FEED, "/drf.atom"),
                SourceFetchTest.source("t-cve", Watch.Kind.NVD, "/nvd", "PyPI:django"),
                SourceFetchTest.source("t-osv", Watch.Kind.OSV, "/osv/v1/querybatch", "PyPI:djangorestframework"),
                SourceFetchTest.source("t-slow", Watch.Kind.FEED, "/slow"),
                SourceFetchTest.source("t-garbage", Watch.Kind.FEED, "/garbage"),
                SourceFetchTest.source("t-busy", Watch.Kind.FEED, "/busy"));
    }

    private TechnologyWatch.RunReport run() {
        List<Dependency> deps = dependencies.read(clone,
                List.of("requirements.txt", "poetry.lock", "package-lock.json", "pom.xml", "front/package-lock.json"));
        SourceFetchTest.server = server;
        return watch.run(SourceFetchTest.fetcher(new RateLimiter(5, Duration.ofSeconds(30), System::nanoTime, d -> {
            throw new AssertionError("no wait expected: " + d);
        }), clock), sources(), deps);
    }

    @Test
    @Order(1)
    void aRunStoresMergesRecordsFailuresAndOpensOneTicketPerAdvisoryAndVersion() {
        TechnologyWatch.RunReport first = run();
        assertThat(first.failing()).as("slow, garbage, busy").isEqualTo(3);
        assertThat(first.newItems()).isEqualTo(3 + 2 + 3 + 3);
        assertThat(first.ticketsOpened()).isEqualTo(4);

        // failing sources are recorded, never fatal
        assertThat(store.source("t-slow").orElseThrow().error()).contains("timed out");
        assertThat(store.source("t-garbage").orElseThrow().error()).startsWith("not an RSS or Atom feed");
        WatchStore.SourceRow busy = store.source("t-busy").orElseThrow();
        assertThat(busy.state()).isEqualTo("FAILING");
        assertThat(busy.errorCode()).isEqualTo("busyUntil");
        assertThat(busy.errorArgs()).containsExactly("429");
        assertThat(store.source("t-slow").orElseThrow().errorCode()).isEqualTo("timeout");
        assertThat(store.source("file:front/package-lock.json").orElseThrow().errorCode()).isEqualTo("file.notJson");
        assertThat(busy.retryAfter()).isAfter(Instant.now().plusSeconds(60));
        WatchStore.SourceRow django = store.source("t-django").orElseThrow();
        assertThat(django.state()).isEqualTo("OK");
        assertThat(django.etag()).isEqualTo(FeedServer.ETAG);
        assertThat(django.itemCount()).isEqualTo(3);
        assertThat(store.source("file:front/package-lock.json").orElseThrow().error())
                .startsWith("front/package-lock.json: not JSON (");
        assertThat(store.source("file:requirements.txt").orElseThrow().itemCount()).isEqualTo(4);
        assertThat(store.source("file:pom.xml").orElseThrow().state()).isEqualTo("OK");

        // the OSV record and the NVD CVE it aliases are one advisory
        String merged = store.canonical("CVE-2024-41989").orElseThrow();
        assertThat(store.canonical("PYSEC-0000-CVE-2024-41989")).contains(merged);
        WatchStore.Stored advisory = store.stored(merged).orElseThrow();
        assertThat(advisory.cvss()).as("NVD's score").isEqualByComparingTo("7.5");
        assertThat(advisory.sources().split(" ")).containsExactlyInAnyOrder("t-cve", "t-osv");
        assertThat(advisory.affected()).extracting(Advisory.Affected::ecosystem).contains("PyPI", "CPE:djangoproject");

        // one ticket per advisory and version: django 4.2.7 (requirements.txt and poetry.lock) counts once
        List<WatchStore.AlertRow> alerts = store.alerts().stream().filter(a -> !a.pkg().contains("log4j")
                && !a.pkg().contains("spring")).toList();
        assertThat(alerts).extracting(a -> store.canonical(a.advisoryId()).orElseThrow().equals(merged) ? "merged " + a.pkg() + " " + a.version()
                : a.advisoryId() + " " + a.pkg() + " " + a.version()).containsExactlyInAnyOrder(
                "CVE-2024-42005 django 4.2.7", "merged django 4.2.7", "CVE-2024-41990 django 4.2.7",
                "PYSEC-2020-263 djangorestframework >=3.10,<3.11.2");
        DeskClient admin = DeskClient.admin(port);
        WatchStore.AlertRow critical = alerts.stream().filter(a -> a.advisoryId().equals("CVE-2024-42005")).findFirst().orElseThrow();
        JsonNode ticket = admin.get("/api/v1/tickets/" + critical.ticket()).json();
        assertThat(ticket.get("title").asString()).isEqualTo("[Sécurité] CVE-2024-42005 : Django 4.2.7");
        assertThat(ticket.get("priority").asString()).isEqualTo("P1");
        assertThat(ticket.get("type").asString()).isEqualTo("CORRECTIVE");
        assertThat(ticket.get("reporter").asString()).isEqualTo("desk");
        assertThat(ticket.get("labels").toString()).contains("\"security\"");
        assertThat(ticket.get("description").asString()).contains("**Version utilisée** : 4.2.7",
                "**Version corrigée** : 4.2.15", "**CVSS** : 9.8 → P1", "https://nvd.nist.gov/vuln/detail/CVE-2024-42005");
        WatchStore.AlertRow mergedAlert = alerts.stream().filter(a -> store.canonical(a.advisoryId()).orElseThrow().equals(merged))
                .findFirst().orElseThrow();
        JsonNode mergedTicket = admin.get("/api/v1/tickets/" + mergedAlert.ticket()).json();
        assertThat(mergedTicket.get("priority").asString()).isEqualTo("P2");
        assertThat(mergedTicket.get("title").asString()).contains("CVE-2024-41989");
        WatchStore.AlertRow drf = alerts.stream().filter(a -> a.pkg().equals("djangorestframework")).findFirst().orElseThrow();
        JsonNode drfTicket = admin.get("/api/v1/tickets/" + drf.ticket()).json();
        assertThat(drfTicket.get("priority").asString()).as("no score: P3").isEqualTo("P3");
        assertThat(drfTicket.get("description").asString()).contains("**Version corrigée** : 3.11.2", "**CVSS** : inconnu → P3",
                "CVE-2020-25626");
    }

    @Test
    @Order(2)
    void theNextRunAddsNothingTwiceAsksConditionallyAndWaitsForTheBusySource() {
        int before = server.requests.size();
        TechnologyWatch.RunReport second = run();
        assertThat(second.newItems()).isZero();
        assertThat(second.ticketsOpened()).isZero();
        assertThat(second.skipped()).as("the 429 said: come back in 120 s").isEqualTo(1);
        assertThat(server.requests.subList(before, server.requests.size())).contains("GET /django.rss If-None-Match: " + FeedServer.ETAG)
                .noneMatch(r -> r.startsWith("GET /busy"));
        assertThat(store.source("t-django").orElseThrow().state()).isEqualTo("NOT_MODIFIED");
        assertThat(store.source("t-django").orElseThrow().itemCount()).isEqualTo(3);
    }

    @Test
    @Order(3)
    void theMonthsDigestPutsOurAdvisoriesFirst() {
        Digest d = watch.digest(AUGUST);
        assertThat(d.alerts()).extracting(Digest.Alert::displayId).containsExactlyInAnyOrder("CVE-2024-41989",
                "CVE-2024-41990", "CVE-2024-42005").hasSize(3);
        Digest.Section django = d.sections().stream().filter(s -> s.key().equals("t-django")).findFirst().orElseThrow();
        assertThat(django.entries()).extracting(Digest.Entry::title).containsExactly("Django 5.1 released",
                "Django security releases issued: 5.0.8 and 4.2.15");
        Digest.Section cve = d.sections().stream().filter(s -> s.key().equals("t-cve")).findFirst().orElseThrow();
        assertThat(cve.entries()).allMatch(Digest.Entry::touchesUs);
        assertThat(d.sections()).extracting(Digest.Section::key).startsWith("django", "drf", "owasp", "postgres", "cve", "osv");

        String md = watch.markdown(AUGUST, Locale.FRENCH);
        assertThat(md).startsWith("# Veille 2024-08\n\n");
        assertThat(md.indexOf("## Avis touchant nos dépendances")).isLessThan(md.indexOf("## t-django (2)"));
        assertThat(md).contains("- **[CVE-2024-42005](https://nvd.nist.gov/vuln/detail/CVE-2024-42005)** — django (PyPI) 4.2.7 → corrigé en 4.2.15 · CVSS 9.8 · P1 · ticket #",
                "- 2024-08-07 — [Django 5.1 released](https://www.djangoproject.com/weblog/2024/aug/07/django-51-released/)",
                "## Django releases (0)\n\n_Rien ce mois-ci._", "**Nos dépendances** [CVE-2024-42005");
        assertThat(md).doesNotContain("bugfix release issued: 5.0.7");
        assertThat(watch.markdown(AUGUST, Locale.ENGLISH)).contains("## Advisories touching our dependencies", "→ fixed in 4.2.15");
    }

    @Test
    @Order(4)
    void theDigestPageAndItsMarkdownDownload() {
        DeskClient browser = DeskClient.browserLogin(port, "admin", DeskTest.ADMIN_PASSWORD);
        DeskClient.Response page = browser.get("/watch?month=2024-08");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("<h1>Veille 2024-08</h1>", "CVE-2024-42005", "Django 5.1 released",
                "href=\"/tickets/" + store.alerts().getFirst().ticket() + "\"");
        DeskClient.Response md = browser.get("/watch/digest.md?month=2024-08");
        assertThat(md.status()).isEqualTo(200);
        assertThat(md.contentType()).startsWith("text/markdown");
        assertThat(md.header("Content-Disposition")).isEqualTo("attachment; filename=\"veille-2024-08.md\"");
        assertThat(md.body()).isEqualTo(watch.markdown(AUGUST, Locale.FRENCH));
        assertThat(browser.get("/watch/digest.md?month=2024-08&lang=en").body()).contains("## Advisories touching our dependencies");

        DeskClient.Response bad = browser.get("/watch?month=2024-13&lang=fr");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("« 2024-13 » n’est pas un mois (AAAA-MM)");
        assertThat(browser.get("/watch/digest.md?month=nope").status()).isEqualTo(400);
    }

    @Test
    @Order(5)
    void theConsolidationTicketOfThePreventiveCalendarIsFilled() {
        DeskClient admin = DeskClient.admin(port);
        long n = admin.post("/api/v1/tickets", "{\"title\":\"Consolidation veille\",\"type\":\"PREVENTIVE\",\"priority\":\"P3\"}")
                .json().get("number").asLong();
        long other = admin.post("/api/v1/tickets", "{\"title\":\"Revue backlog\",\"type\":\"PREVENTIVE\",\"priority\":\"P3\"}")
                .json().get("number").asLong();
        watch.on(new PreventiveTicketOpened("backlog_review", "2024-08", other));
        assertThat(admin.get("/api/v1/tickets/" + other).json().get("title").asString()).isEqualTo("Revue backlog");

        transactions.executeWithoutResult(s -> events.publishEvent(new PreventiveTicketOpened(
                TechnologyWatch.CONSOLIDATION_ACTION, "2024-08", n)));
        await(() -> admin.get("/api/v1/tickets/" + n).json().get("title").asString().equals("Veille 2024-08"));
        JsonNode ticket = admin.get("/api/v1/tickets/" + n).json();
        assertThat(ticket.get("description").asString()).isEqualTo(watch.markdown(AUGUST, Locale.FRENCH));
        assertThat(ticket.get("labels").toString()).contains("\"veille\"");
    }

    @Test
    @Order(6)
    void aMonthTooLongForATicketIsCutWithAPointerToThePage() {
        Instant jan = Instant.parse("2030-01-15T10:00:00Z");
        List<Item> flood = java.util.stream.IntStream.range(0, 900).mapToObj(i -> new Item("flood-" + i,
                "Élément numéro " + i + " — " + "é".repeat(150), "https://example.org/" + i, "Résumé " + "è".repeat(200),
                jan.plusSeconds(i), null)).toList();
        transactions.executeWithoutResult(t -> store.saveItems("t-flood", flood, jan));
        String md = watch.markdown(YearMonth.of(2030, 1), Locale.FRENCH);
        assertThat(md.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThan(64 * 1024);
        assertThat(md).containsPattern("_\\d+ éléments de plus : voir /watch\\?month=2030-01_\n$");
        assertThat(md).contains("## t-flood (900)");
    }

    @Test
    @Order(7)
    void aRecordNamingTwoStoredAdvisoriesMergesThemIntoOne() {
        Instant now = Instant.parse("2030-02-01T00:00:00Z");
        Advisory.Affected pkg = new Advisory.Affected("PyPI", "merge-me", List.of(new Advisory.Range("ECOSYSTEM",
                List.of(new Advisory.Event("introduced", "0"), new Advisory.Event("fixed", "2.0")))), List.of());
        transactions.executeWithoutResult(t -> {
            store.saveAdvisory(new Advisory("CVE-2030-0001", java.util.Set.of(), "from NVD", now, now,
                    new java.math.BigDecimal("5.0"), "https://nvd.nist.gov/vuln/detail/CVE-2030-0001", List.of()), "t-a", now);
            store.saveAdvisory(new Advisory("GHSA-aaaa-bbbb-cccc", java.util.Set.of(), "from GitHub", now, now, null,
                    "https://github.com/advisories/GHSA-aaaa-bbbb-cccc", List.of(pkg)), "t-b", now);
            store.saveItems("t-b", List.of(new Item("GHSA-aaaa-bbbb-cccc", "GHSA", null, null, now, "GHSA-aaaa-bbbb-cccc")), now);
            store.saveAdvisory(new Advisory("PYSEC-2030-1", java.util.Set.of("CVE-2030-0001", "GHSA-aaaa-bbbb-cccc"), "from PyPA",
                    now, now.plusSeconds(60), new java.math.BigDecimal("8.1"), "https://osv.dev/vulnerability/PYSEC-2030-1",
                    List.of(pkg)), "t-c", now);
        });
        String owner = store.canonical("CVE-2030-0001").orElseThrow();
        assertThat(store.canonical("GHSA-aaaa-bbbb-cccc")).contains(owner);
        assertThat(store.canonical("PYSEC-2030-1")).contains(owner);
        WatchStore.Stored merged = store.stored(owner).orElseThrow();
        assertThat(merged.aliases()).containsExactlyInAnyOrder("GHSA-aaaa-bbbb-cccc", "PYSEC-2030-1");
        assertThat(merged.cvss()).isEqualByComparingTo("8.1");
        assertThat(merged.affected()).containsExactly(pkg);
        assertThat(merged.sources().split(" ")).containsExactlyInAnyOrder("t-a", "t-b", "t-c");
        assertThat(store.stored("GHSA-aaaa-bbbb-cccc")).as("one row left").isEmpty();
        assertThat(store.items(now.minusSeconds(1), now.plusSeconds(1))).filteredOn(i -> i.sourceKey().equals("t-b"))
                .extracting(WatchStore.ItemRow::advisoryId).containsExactly(owner);
    }

    @Test
    @Order(8)
    void theApiGivesTheSourcesAndTheDigest() {
        DeskClient admin = DeskClient.admin(port);
        JsonNode august = admin.get("/api/v1/watch/digest?month=2024-08").json();
        assertThat(august.get("month").asString()).isEqualTo("2024-08");
        assertThat(august.get("alerts").size()).isEqualTo(3);
        assertThat(august.get("alerts").toString()).contains("\"displayId\":\"CVE-2024-42005\"", "\"fixed\":\"4.2.15\"");
        JsonNode sources = admin.get("/api/v1/watch/sources").json();
        assertThat(sources.toString()).contains("\"key\":\"django\"", "\"key\":\"file:requirements.txt\"");
        DeskClient.Response bad = admin.get("/api/v1/watch/digest?month=2024-13");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.contentType()).startsWith("application/problem+json");
        assertThat(bad.body()).contains("\"month\"");
        assertThat(admin.get("/api/v1/watch/digest").status()).isEqualTo(400);
        assertThat(DeskClient.withToken(port, "mdk_not_a_token_0123456789abcdef").get("/api/v1/watch/sources").status())
                .isEqualTo(401);
    }

    @Test
    @Order(9)
    void theFetchIsAClusterSafeDbSchedulerTaskDueOneIntervalAfterTheFirstStart(
            @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc) {
        assertThat(context.getBeanNamesForType(com.github.kagkarlsson.scheduler.Scheduler.class)).as("db-scheduler runs").hasSize(1);
        java.sql.Timestamp due = jdbc.queryForObject(
                "SELECT execution_time FROM scheduled_tasks WHERE task_name = 'watch-fetch'", java.sql.Timestamp.class);
        assertThat(due.toInstant()).as("PT6H after the first start, not at once: tests never reach the Internet")
                .isAfter(Instant.now().plus(Duration.ofHours(5)));
    }

    /** Waits (at most 20 s) for what an asynchronous listener does after commit. */
    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not done within 20 s");
            }
            Thread.onSpinWait();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
