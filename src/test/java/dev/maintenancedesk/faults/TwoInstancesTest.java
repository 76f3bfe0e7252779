package dev.maintenancedesk.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.maintenancedesk.DeskClient;
import dev.maintenancedesk.DeskTest;
import dev.maintenancedesk.MutableClock;
import dev.maintenancedesk.ScratchPostgres;
import dev.maintenancedesk.github.GitHubPayloads;
import dev.maintenancedesk.github.GitHubStub;
import dev.maintenancedesk.github.OutboxDispatcher;
import dev.maintenancedesk.sla.SlaWatch;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two desks on one PostgreSQL database (a cluster of the test's own), each on its own port with all its
 * scheduled work on, as two instances behind a load balancer: a session opened on one is valid on the other,
 * and the work both could do is done once — each SLA alert (both watchers scanning at the same moment), each
 * preventive ticket (db-scheduler's job on both), each call to GitHub (both outbox dispatchers sending).
 * Counted where it shows: the chat webhook and the GitHub stand-in, loopback servers of the test.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoInstancesTest {

    /** Thursday 5 November 2026, 10:00 in Paris: a business morning; November's preventive periods are open. */
    private static final Instant START = OffsetDateTime.parse("2026-11-05T10:00:00+01:00").toInstant();
    private static final MutableClock CLOCK = new MutableClock(START);
    private static final List<String> CHAT = new CopyOnWriteArrayList<>();
    private static final Pattern COMMENT_MARKER = Pattern.compile("<!-- maintenance-desk:comment:\\d+ -->");

    private static ScratchPostgres postgres;
    private static String database;
    private static HttpServer chat;
    private static GitHubStub github;
    private static DeskInstance a;
    private static DeskInstance b;

    @BeforeAll
    static void start() throws IOException {
        postgres = ScratchPostgres.start();
        database = postgres.createDatabase("desk_cluster");
        chat = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        chat.createContext("/hook", exchange -> {
            CHAT.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        chat.start();
        github = new GitHubStub().withDefaults();
        String[] settings = {"--db-scheduler.polling-interval=200ms", "--desk.preventive.interval=PT0.5S",
                "--desk.preventive.delay=PT0S", "--desk.sla.watch-delay=PT24H",
                "--desk.notify.webhook-url=http://127.0.0.1:" + chat.getAddress().getPort() + "/hook",
                "--DESK_GITHUB_WEBHOOK_SECRET=" + GitHubPayloads.SECRET, "--DESK_GITHUB_REPOSITORY=" + GitHubPayloads.REPOSITORY,
                "--DESK_GITHUB_TOKEN=ghp_two_instances", "--DESK_GITHUB_API_URL=" + github.url()};
        a = DeskInstance.start(database, CLOCK, with(settings, "--db-scheduler.scheduler-name=desk-a"));
        b = DeskInstance.start(database, CLOCK, with(settings, "--db-scheduler.scheduler-name=desk-b"));
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable part : new AutoCloseable[] {b, a, github, postgres}) {
            try {
                if (part != null) {
                    part.close();
                }
            } catch (Exception e) {
                // the others are closed all the same
            }
        }
        if (chat != null) {
            chat.stop(0);
        }
    }

    @Test
    @Order(1)
    void aSessionOpenedOnOneInstanceIsValidOnTheOther() {
        Web.Session session = new Web(a.port()).login("admin", DeskTest.ADMIN_PASSWORD);
        Web onB = new Web(b.port());

        HttpResponse<String> me = onB.send("GET", "/api/v1/me", null, "Cookie", session.cookie());
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(Web.JSON.readTree(me.body()).get("username").asString()).isEqualTo("admin");
        // a write in that session on B, with the CSRF token of the page A served
        HttpResponse<String> created = onB.send("POST", "/api/v1/tickets", "{\"title\":\"Ouvert sur B\"}",
                "Cookie", session.cookie(), "X-CSRF-TOKEN", session.csrf());
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(onB.send("GET", "/tickets", null, "Cookie", session.cookie(), "Accept", Web.HTML).statusCode())
                .isEqualTo(200);

        HttpResponse<String> logout = onB.send("POST", "/logout", "_csrf=" + Web.enc(session.csrf()),
                "Content-Type", "application/x-www-form-urlencoded", "Cookie", session.cookie(), "Accept", Web.HTML);
        assertThat(logout.statusCode()).isEqualTo(302);
        assertThat(new Web(a.port()).send("GET", "/api/v1/me", null, "Cookie", session.cookie()).statusCode())
                .as("logged out on B, the session is gone on A too").isEqualTo(401);
    }

    @Test
    @Order(2)
    void eachPreventiveTicketIsOpenedOnceByTheJobOfBothInstances() throws Exception {
        // db-scheduler runs the job every 0.5 s on whichever instance picks it; November's seven periods
        await("November's preventive tickets", () -> preventiveTickets() >= 7);
        awaitFurtherRuns(3);
        assertThat(preventiveTickets()).isEqualTo(7);

        CLOCK.set(OffsetDateTime.parse("2026-12-01T08:00:00+01:00").toInstant());
        await("December's preventive tickets", () -> preventiveTickets() >= 11);
        awaitFurtherRuns(3);
        assertThat(preventiveTickets()).isEqualTo(11);
        assertThat(count("SELECT COUNT(DISTINCT ticket_number) FROM preventive_occurrences")).isEqualTo(11);
        CLOCK.set(START);
    }

    @Test
    @Order(3)
    void eachSlaAlertIsRaisedOnceWhenBothWatchersScanAtOnce() throws Exception {
        CLOCK.set(START);
        DeskClient.newUser(a.port(), "cluster-dev", "DEVELOPER");
        long n = DeskClient.admin(a.port()).post("/api/v1/tickets", "{\"title\":\"Deux instances, une alerte\","
                + "\"priority\":\"P2\",\"assignee\":\"cluster-dev\"}").json().get("number").asLong();
        awaitEventsHandled();

        CLOCK.advance(Duration.ofMinutes(95)); // 11:35: take-charge (2 h) past its 75 %
        DeskClient admin = DeskClient.admin(b.port());
        await("the ticket at risk on the SLA board", () -> admin.get("/api/v1/sla?status=at_risk").body()
                .contains("\"number\":" + n + ","));
        assertThat(scanTogether()).as(() -> "alerts raised by both watchers in three rounds, at " + CLOCK.instant()
                + " with the clocks " + clocksOf(n)).isEqualTo(1);
        awaitEventsHandled();
        assertThat(chatsAbout(n)).isEqualTo(1);

        CLOCK.advance(Duration.ofMinutes(30)); // 12:05: take-charge breached
        assertThat(scanTogether()).isEqualTo(1);
        awaitEventsHandled();
        assertThat(chatsAbout(n)).isEqualTo(2);
        assertThat(CHAT.stream().filter(c -> c.contains("#" + n + " ")).toList())
                .anySatisfy(c -> assertThat(c).contains("SLA à risque")).anySatisfy(c -> assertThat(c).contains("SLA dépassé"));
        CLOCK.set(START);
    }

    @Test
    @Order(4)
    void eachGitHubCallIsSentOnceWhileBothDispatchersSend() throws Exception {
        long issue = GitHubPayloads.freshIssue();
        String title = "Deux instances, un envoi " + issue;
        HttpResponse<String> delivered = GitHubPayloads.post(a.port(), "issues", GitHubPayloads.newId(),
                GitHubPayloads.issueEvent("issues.opened", issue, i -> GitHubPayloads.labels(i, "bug").put("title", title)));
        assertThat(delivered.statusCode()).isEqualTo(202);
        DeskClient admin = DeskClient.admin(a.port());
        await("the issue's ticket", () -> admin.get("/api/v1/tickets?text=" + Web.enc(title)).json().get("items").size() == 1);
        long n = admin.get("/api/v1/tickets?text=" + Web.enc(title)).json().get("items").get(0).get("number").asLong();

        // both dispatchers also sweep without pause while the comments go in, half through each instance
        AtomicBoolean sending = new AtomicBoolean(true);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        List<Future<?>> sweeps = new ArrayList<>();
        for (DeskInstance desk : List.of(a, b)) {
            OutboxDispatcher dispatcher = desk.bean(OutboxDispatcher.class);
            sweeps.add(threads.submit(() -> {
                while (sending.get()) {
                    dispatcher.dispatch();
                }
                return null;
            }));
        }
        int comments = 20;
        try {
            for (int i = 0; i < comments; i++) {
                DeskInstance desk = i % 2 == 0 ? a : b;
                DeskClient.Response posted = DeskClient.admin(desk.port()).post("/api/v1/tickets/" + n + "/comments",
                        "{\"body\":\"Commentaire " + i + " de l'instance " + (desk == a ? "A" : "B") + "\"}");
                assertThat(posted.status()).isEqualTo(201);
            }
            await("every call sent", () -> count("SELECT COUNT(*) FROM github_outbox WHERE path LIKE '%/issues/" + issue
                    + "/comments' AND status = 'SENT'") == comments);
        } finally {
            sending.set(false);
            for (Future<?> sweep : sweeps) {
                sweep.get(30, TimeUnit.SECONDS);
            }
            threads.shutdown();
        }
        List<String> markers = github.requests("POST", "/repos/" + GitHubPayloads.REPOSITORY + "/issues/" + issue + "/comments")
                .stream().map(r -> marker(r.json().get("body").asString())).toList();
        assertThat(markers).hasSize(comments).doesNotHaveDuplicates();
        assertThat(count("SELECT COUNT(*) FROM github_outbox WHERE status <> 'SENT'")).isZero();
        assertThat(github.violations()).isEmpty();
    }

    /** Both watchers scan at the same moment, three times; the alerts they say they raised. */
    private static int scanTogether() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            int raised = 0;
            for (int round = 0; round < 3; round++) {
                CyclicBarrier start = new CyclicBarrier(2);
                List<Future<Integer>> scans = new ArrayList<>();
                for (DeskInstance desk : List.of(a, b)) {
                    SlaWatch watch = desk.bean(SlaWatch.class);
                    scans.add(threads.submit(() -> {
                        start.await(1, TimeUnit.MINUTES);
                        return watch.scan();
                    }));
                }
                for (Future<Integer> scan : scans) {
                    raised += scan.get(2, TimeUnit.MINUTES);
                }
            }
            return raised;
        } finally {
            threads.shutdown();
        }
    }

    private static String clocksOf(long n) {
        return query("SELECT string_agg(clock || ' ' || state || ' ' || counting || ' at risk ' || at_risk_at || ' due '"
                + " || deadline, '; ') FROM sla_clocks WHERE ticket_number = " + n, rs -> rs.getString(1), "none");
    }

    private static long chatsAbout(long n) {
        return CHAT.stream().filter(c -> c.contains("#" + n + " ")).count();
    }

    private static String marker(String body) {
        Matcher m = COMMENT_MARKER.matcher(body);
        assertThat(m.find()).as(body).isTrue();
        return m.group();
    }

    /**
     * Every event publication completed on both instances: the listeners (SLA projection, notifications) have
     * done what the events asked, so nothing more can arrive from them.
     */
    private static void awaitEventsHandled() throws InterruptedException {
        await("every event handled", () -> count("SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL") == 0);
    }

    /** Waits until the preventive job has completed {@code runs} more times after now, on either instance. */
    private static void awaitFurtherRuns(int runs) throws InterruptedException {
        for (int i = 0; i < runs; i++) {
            Instant since = lastPreventiveRun();
            await("another run of the preventive job", () -> lastPreventiveRun().isAfter(since));
        }
    }

    private static Instant lastPreventiveRun() {
        return query("SELECT last_success FROM scheduled_tasks WHERE task_name = 'preventive-calendar'",
                rs -> {
                    Timestamp t = rs.getTimestamp(1);
                    return t == null ? Instant.EPOCH : t.toInstant();
                }, Instant.EPOCH);
    }

    private static long preventiveTickets() {
        return count("SELECT COUNT(*) FROM tickets WHERE type = 'PREVENTIVE'");
    }

    private static long count(String sql) {
        return query(sql, rs -> rs.getLong(1), 0L);
    }

    private interface Row<T> {
        T read(java.sql.ResultSet rs) throws SQLException;
    }

    private static <T> T query(String sql, Row<T> row, T none) {
        try (Connection c = DriverManager.getConnection(database); var rs = c.createStatement().executeQuery(sql)) {
            return rs.next() ? row.read(rs) : none;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** Polls {@code done} for at most a minute; fails naming {@code what} if it never holds. */
    private static void await(String what, BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 60 s: " + what);
            }
            Thread.sleep(100);
        }
    }

    private static String[] with(String[] settings, String more) {
        String[] all = java.util.Arrays.copyOf(settings, settings.length + 1);
        all[settings.length] = more;
        return all;
    }
}
