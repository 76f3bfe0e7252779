package dev.maintenancedesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maintenancedesk.DeskClient;
import dev.maintenancedesk.DeskTest;
import dev.maintenancedesk.MutableClock;
import dev.maintenancedesk.TestDatabase;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The home page, the layout and the error pages over real HTTP, logged in through the login form, on
 * tickets made through the API by real users. The application has a database of its own (so the P1
 * banner and the SLA lists hold exactly this test's tickets) and a clock the test moves, so that one
 * clock is at risk and another breached when the pages are read:
 * <ul>
 * <li>#P1 "Login &lt;script&gt;…" — P1, reported by alice, assigned to bob, in progress since 10:00:
 *     at 12:30 its resolution clock (3 h) has 30 min left, past the 75 % threshold: at risk;</li>
 * <li>#untriaged "Export CSV des journaux" — reported by carol, assigned to bob, no type nor priority:
 *     no clock with a target;</li>
 * <li>#slow "Recherche lente" — P2, nobody assigned: its take-charge clock (2 h) is breached at 12:30.</li>
 * </ul>
 */
@DeskTest
@ContextConfiguration(initializers = HomePageTest.OwnDatabase.class)
@DirtiesContext // its own context and database are useless to others; closing it now also keeps it from racing the database drop at JVM exit
class HomePageTest {

    /** Tuesday 10 March 2026, 10:00 in Paris: a business morning on the CESIZen calendar. */
    static final MutableClock CLOCK = new MutableClock(OffsetDateTime.parse("2026-03-10T10:00:00+01:00").toInstant());
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final String SECRET = "secret-detail at db.internal";

    @TestConfiguration
    static class PinnedTimeAndAFailingPage {
        @Bean
        @Primary
        Clock homeTestClock() {
            return CLOCK;
        }

        @Bean
        Failing failingPage() {
            return new Failing();
        }
    }

    /** A page whose handler fails as a bug would, with internals in the exception's message. */
    @Controller
    static class Failing {
        @GetMapping("/test-only/failing-page")
        String fail() {
            throw new IllegalStateException(SECRET);
        }
    }

    /** This class's own empty database: the banner counts every open P1 of the table. */
    static final class OwnDatabase extends TestDatabase.Own {
        OwnDatabase() {
            super("home");
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    static long p1;
    static long untriaged;
    static long slow;

    @BeforeEach
    void tickets() {
        if (p1 != 0) {
            return;
        }
        assertThat(jdbc.sql("SELECT current_database()").query(String.class).single())
                .as("the test's own database").endsWith("home");
        CLOCK.set(OffsetDateTime.parse("2026-03-10T10:00:00+01:00").toInstant());
        DeskClient admin = DeskClient.admin(port);
        user(admin, "alice", "DEVELOPER");
        user(admin, "bob", "DEVELOPER");
        user(admin, "carol", "REPORTER");
        DeskClient alice = api("alice");
        DeskClient bob = api("bob");
        DeskClient carol = api("carol");

        p1 = created(alice.post("/api/v1/tickets", DeskClient.json("{\"title\":%s,\"type\":\"CORRECTIVE\","
                + "\"priority\":\"P1\",\"labels\":[\"bug\",\"security\"],\"assignee\":\"bob\"}",
                "Login <script>alert(1)</script> fails")));
        for (String to : List.of("TRIAGED", "ASSIGNED", "IN_PROGRESS")) {
            DeskClient.Response moved = bob.post("/api/v1/tickets/" + p1 + "/transitions", "{\"to\":\"" + to + "\"}");
            assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        }
        untriaged = created(carol.post("/api/v1/tickets", "{\"title\":\"Export CSV des journaux\"}"));
        int version = admin.get("/api/v1/tickets/" + untriaged).json().get("version").asInt();
        DeskClient.Response assigned = admin.patch("/api/v1/tickets/" + untriaged,
                "{\"version\":" + version + ",\"assignee\":\"bob\"}");
        assertThat(assigned.status()).as(assigned.toString()).isEqualTo(200);
        slow = created(admin.post("/api/v1/tickets", "{\"title\":\"Recherche lente\",\"type\":\"CORRECTIVE\",\"priority\":\"P2\"}"));
        awaitClocksStored(p1, untriaged, slow);

        CLOCK.advance(Duration.ofMinutes(150)); // 12:30
    }

    @Test
    void listsMyOpenTicketsMostUrgentFirstInFrenchByDefault() {
        String html = login("bob").page("/", "Accept-Language", "en-US,en;q=0.9");

        assertThat(html).contains("<html lang=\"fr\"").contains("le délai SLA le plus urgent d’abord")
                .contains("href=\"/tickets/new\"").contains("Nouveau ticket").doesNotContain("<script>alert(1)");
        String mine = section(html, "h-mine");
        assertThat(mine).contains("Mes tickets")
                .contains("href=\"/tickets/" + p1 + "\"").contains("#" + p1)
                .contains("Login &lt;script&gt;alert(1)&lt;/script&gt; fails")
                .contains("class=\"badge priority priority-p1\"").contains("critique")
                .contains("class=\"state state-in_progress\"").contains("Implémentation")
                .contains("class=\"sla-badge sla-at-risk\"").contains("reste 30 min")
                .contains("title=\"Correction : À risque\"")
                .contains("href=\"/tickets/" + untriaged + "\"").contains("Non qualifié").contains("aucun délai en cours")
                .contains("href=\"/tickets?assignee=me\"").contains("Tous mes tickets")
                .as("not assigned to bob").doesNotContain("/tickets/" + slow + "\"");
        assertThat(p1).as("the at-risk ticket is the older one").isLessThan(untriaged);
        assertThat(mine.indexOf("#" + p1)).as("the ticket with a clock at risk first, before a newer one")
                .isLessThan(mine.indexOf("#" + untriaged));
        assertThat(mine.split("class=\"sla-badge ", -1)).as("the untriaged ticket has no badge").hasSize(2);
    }

    @Test
    void aLeadSeesTheirOwnTicketsAboveTheTeamQueuesOnceTheyHoldAny() {
        DeskClient admin = DeskClient.admin(port);
        user(admin, "lena", "LEAD");
        assertThat(login("lena").page("/")).as("a lead holding nothing: the team's queues only")
                .doesNotContain("id=\"h-mine\"").contains("id=\"h-to-qualify\"");
        long hers = created(admin.post("/api/v1/tickets", "{\"title\":\"Revue des accès\",\"type\":\"CORRECTIVE\","
                + "\"priority\":\"P3\",\"assignee\":\"lena\"}"));
        String html = login("lena").page("/");
        assertThat(section(html, "h-mine")).contains("Mes tickets").contains("href=\"/tickets/" + hers + "\"")
                .doesNotContain("/tickets/" + slow + "\"");
        assertThat(html.indexOf("id=\"h-mine\"")).isLessThan(html.indexOf("id=\"h-to-qualify\""));
    }

    @Test
    void aBannerWhileAnyP1IsOpenAndEmptyListsSaySo() {
        String html = login("alice").page("/");

        assertThat(html).contains("class=\"banner-p1\" role=\"alert\"")
                .contains("Un ticket P1 est ouvert : toute l’équipe en priorité.");
        String banner = html.substring(html.indexOf("banner-p1"), html.indexOf("</section>", html.indexOf("banner-p1")));
        assertThat(banner).contains("href=\"/tickets/" + p1 + "\"").contains("Login &lt;script&gt;")
                .doesNotContain("/tickets/" + untriaged + "\"").doesNotContain("/tickets/" + slow + "\"");
        assertThat(html).contains("Aucun ticket ouvert ne vous est attribué.")
                .contains("id=\"at-risk\"").contains("id=\"breached\"");

        String atRisk = section(html, "at-risk");
        assertThat(atRisk).contains("href=\"/tickets/" + p1 + "\"").contains("class=\"sla-badge sla-at-risk\"")
                .contains("reste 30 min").doesNotContain("/tickets/" + slow + "\"").doesNotContain("Aucun délai à risque.");
        String breached = section(html, "breached");
        assertThat(breached).contains("href=\"/tickets/" + slow + "\"").contains("Recherche lente")
                .contains("class=\"sla-badge sla-breached\"").contains("title=\"Prise en compte : Dépassé\"")
                .doesNotContain("/tickets/" + p1 + "\"").doesNotContain("Aucun délai dépassé.");
    }

    @Test
    void showsTheNextReleaseWindowOfEachKind() {
        String html = login("alice").page("/");

        Map<String, LocalDate> windows = new HashMap<>();
        Matcher m = Pattern.compile("data-release=\"(\\w+)\"><time datetime=\"([0-9-]+)\">([^<]+)</time>").matcher(html);
        while (m.find()) {
            windows.put(m.group(1), LocalDate.parse(m.group(2)));
            assertThat(m.group(3)).as("a French date").matches("(lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche) \\d{1,2} \\p{L}+ \\d{4}");
        }
        assertThat(windows).containsOnlyKeys("PATCH", "MINOR", "MAJOR");
        LocalDate today = LocalDate.ofInstant(CLOCK.instant(), PARIS);
        // cesizen plan: PATCH every Tuesday, MINOR the first Tuesday of a month, MAJOR the first of a quarter
        windows.values().forEach(d -> assertThat(d.getDayOfWeek()).isEqualTo(DayOfWeek.TUESDAY));
        assertThat(windows.get("PATCH")).isBetween(today, today.plusDays(6));
        assertThat(windows.get("MINOR").getDayOfMonth()).isLessThanOrEqualTo(7);
        assertThat(windows.get("MINOR")).isAfterOrEqualTo(today);
        assertThat(windows.get("MAJOR").getMonthValue()).isIn(1, 4, 7, 10);
        assertThat(windows.get("PATCH")).isBeforeOrEqualTo(windows.get("MINOR"));
        assertThat(windows.get("MINOR")).isBeforeOrEqualTo(windows.get("MAJOR"));
    }

    @Test
    void layoutHasNavigationLogoutWithCsrfAndNoInlineScript() {
        String html = login("alice").page("/");

        for (String path : new String[] {"/tickets", "/board", "/releases", "/plan", "/profile"}) {
            assertThat(html).contains("href=\"" + path + "\"");
        }
        assertThat(html).contains("aria-current=\"page\">Accueil</a>")
                .containsPattern("<form class=\"logout\" method=\"post\" action=\"/logout\">")
                .containsPattern("<input type=\"hidden\" name=\"_csrf\" value=\"[^\"]+\">")
                .containsPattern("<script src=\"/webjars/htmx.org/[0-9.]+/dist/htmx.min.js\" defer></script>")
                .contains("href=\"/css/desk.css\"")
                .doesNotContainPattern("<script>|<script [^>]*>[^<]|style=\"");
        assertThat(html.split("name=\"_csrf\"", -1)).as("exactly one CSRF field").hasSize(2);
    }

    @Test
    void switchesToEnglishAndRemembersIt() {
        Session bob = login("bob");
        HttpResponse<String> english = bob.get("/?lang=en");
        assertThat(english.statusCode()).isEqualTo(200);
        assertThat(english.body()).contains("<html lang=\"en\"").contains("New ticket")
                .contains("My tickets").contains("In progress").contains("critical")
                .contains("most urgent SLA first").contains("30 min left").contains("title=\"Resolution: At risk\"")
                .contains("One P1 ticket is open");
        assertThat(english.headers().allValues("Set-Cookie"))
                .anyMatch(c -> c.startsWith(LocaleConfiguration.COOKIE + "=en"));

        assertThat(bob.page("/")).as("the cookie is remembered").contains("<html lang=\"en\"").contains("New ticket");
        assertThat(login("alice").page("/?lang=de")).contains("<html lang=\"fr\"").contains("Nouveau ticket");
    }

    @Test
    void languageLinksKeepTheQueryString() {
        Session alice = login("alice");
        String html = alice.page("/tickets?priority=P1&label=bug&lang=fr");

        assertThat(html).contains("href=\"?priority=P1&amp;label=bug&amp;lang=en\"")
                .contains("href=\"?priority=P1&amp;label=bug&amp;lang=fr\"");
        assertThat(alice.page("/")).contains("href=\"?lang=en\"");
        assertThat(LayoutAdvice.languageLinks("text=caf%C3%A9&lang=en&after=3"))
                .containsEntry("fr", "?text=caf%C3%A9&after=3&lang=fr");
    }

    @Test
    void servesTheStylesheetAndHtmxFromTheJar() {
        Session alice = login("alice");
        assertThat(alice.page("/css/desk.css")).contains(".priority-p1");
        assertThat(alice.page("/webjars/htmx.org/dist/htmx.min.js")).contains("htmx");
        Matcher versioned = Pattern.compile("<script src=\"(/webjars/htmx.org/[^\"]+)\"").matcher(alice.page("/"));
        assertThat(versioned.find()).as("the layout links htmx").isTrue();
        assertThat(alice.page(versioned.group(1))).as("the URL the layout links").contains("htmx");
        assertThat(alice.page("/js/board.js")).contains("htmx");
        assertThat(alice.page("/js/desk.js")).isNotBlank();
        // only /css, /js and /webjars are files: anything else is the application's (a link is never looked up in the jar)
        assertThat(alice.get("/templates/home.html", "Accept", "text/html").statusCode()).isEqualTo(404);
        assertThat(alice.get("/application.properties", "Accept", "text/html").statusCode()).isEqualTo(404);
    }

    @Test
    void errorPagesAreGenericAndShowNoInternals() {
        Session alice = login("alice");
        HttpResponse<String> notFound = alice.get("/no-such-page", "Accept", "text/html");
        assertThat(notFound.statusCode()).isEqualTo(404);
        assertThat(notFound.body()).contains("Page introuvable").contains("Erreur 404").contains("href=\"/\"");

        HttpResponse<String> forbidden = alice.get("/admin/users", "Accept", "text/html");
        assertThat(forbidden.statusCode()).as("a DEVELOPER on the administrators' page").isEqualTo(403);
        assertThat(forbidden.body()).contains("Accès refusé");

        HttpResponse<String> failure = alice.get("/test-only/failing-page", "Accept", "text/html");
        assertThat(failure.statusCode()).isEqualTo(500);
        assertThat(failure.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(failure.body()).contains("Une erreur est survenue")
                .doesNotContain("secret-detail").doesNotContain("IllegalStateException").doesNotContain("at dev.");
    }

    @Test
    void browsersGetTheErrorPageWhileApiClientsKeepProblemJson() {
        Session alice = login("alice");
        HttpResponse<String> browser = alice.get("/no-such-page",
                "Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        assertThat(browser.statusCode()).isEqualTo(404);
        assertThat(browser.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(browser.body()).contains("Page introuvable").doesNotContain("\"status\":")
                .doesNotContain("application/problem+json");

        for (String path : new String[] {"/no-such-page", "/api/v1/no-such-thing"}) {
            HttpResponse<String> client = alice.get(path, "Accept", "application/json");
            assertThat(client.statusCode()).as(path).isEqualTo(404);
            assertThat(client.headers().firstValue("Content-Type").orElse("")).as(path)
                    .isEqualTo("application/problem+json");
        }
        HttpResponse<String> apiFromBrowser = alice.get("/api/v1/no-such-thing", "Accept", "text/html");
        assertThat(apiFromBrowser.statusCode()).isEqualTo(404);
        assertThat(apiFromBrowser.headers().firstValue("Content-Type").orElse("")).isEqualTo("application/problem+json");
    }

    // --- users, tickets and sessions

    private static String password(String username) {
        return "pw-" + username + "-for-the-home-page";
    }

    private static void user(DeskClient admin, String username, String role) {
        DeskClient.Response r = admin.post("/api/v1/users", DeskClient.json(
                "{\"username\":%s,\"password\":%s,\"role\":%s,\"displayName\":%s,\"email\":%s}",
                username, password(username), role, username, username + "@example.test"));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
    }

    /** A client with one of the user's personal API tokens (made in a browser session of theirs). */
    private DeskClient api(String username) {
        return DeskClient.withToken(port, DeskClient.browserLogin(port, username, password(username)).createToken("home"));
    }

    private static long created(DeskClient.Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("number").asLong();
    }

    /**
     * The sla module stores each ticket's clocks after each of its events, after commit: the SLA lists read
     * them. Wait until every event's SLA refresh has completed, not just the first, or the clock could
     * move on while a stale take-charge clock is still stored (and the watcher would call it breached).
     */
    private void awaitClocksStored(long... numbers) {
        for (long n : numbers) {
            for (int i = 0; i < 300 && !clocksStored(n); i++) {
                sleep();
            }
            assertThat(clocksStored(n)).as("clocks of #%s stored", n).isTrue();
        }
        for (int i = 0; i < 300 && slaRefreshesPending() > 0; i++) {
            sleep();
        }
        assertThat(slaRefreshesPending()).as("SLA refreshes still pending").isZero();
    }

    private long slaRefreshesPending() {
        return jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL AND listener_id LIKE ?")
                .param("%.sla.%").query(Long.class).single();
    }

    private boolean clocksStored(long n) {
        return jdbc.sql("SELECT COUNT(*) FROM sla_clocks WHERE ticket_number = ? AND computed_at >= ?")
                .params(n, CLOCK.instant().atOffset(java.time.ZoneOffset.UTC)).query(Long.class).single() == 2;
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Session login(String username) {
        return Session.login(port, username, password(username));
    }

    /** From the id of an element to the end of its section. */
    private static String section(String html, String id) {
        int start = html.indexOf("id=\"" + id + "\"");
        assertThat(start).as("#%s on the page", id).isNotNegative();
        return html.substring(start, html.indexOf("</section>", start));
    }

    /** A browser session: the login form with the CSRF token of the login page, then a session cookie. */
    static final class Session {
        private static final Pattern CSRF = Pattern.compile("<input[^>]*name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        private final String base;

        private Session(int port) {
            this.base = "http://127.0.0.1:" + port;
        }

        static Session login(int port, String username, String password) {
            Session session = new Session(port);
            HttpResponse<String> form = session.get("/login");
            assertThat(form.statusCode()).isEqualTo(200);
            Matcher csrf = CSRF.matcher(form.body());
            assertThat(csrf.find()).as("a CSRF token on the login page").isTrue();
            HttpResponse<String> answer = session.send(HttpRequest.newBuilder(URI.create(session.base + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("username=" + enc(username) + "&password=" + enc(password)
                            + "&_csrf=" + enc(csrf.group(1)))));
            assertThat(answer.statusCode()).as("login of %s", username).isEqualTo(302);
            assertThat(answer.headers().firstValue("Location").orElse("")).as("login of %s", username)
                    .endsWith("/").doesNotContain("error");
            return session;
        }

        /** A page read as a browser would (text/html first); it must answer 200. */
        String page(String path, String... headers) {
            String[] all = new String[headers.length + 2];
            all[0] = "Accept";
            all[1] = "text/html,application/xhtml+xml,*/*;q=0.8";
            System.arraycopy(headers, 0, all, 2, headers.length);
            HttpResponse<String> r = get(path, all);
            assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
            return r.body();
        }

        /** {@code headers} alternate name, value. */
        HttpResponse<String> get(String path, String... headers) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
            for (int i = 0; i < headers.length; i += 2) {
                request.setHeader(headers[i], headers[i + 1]);
            }
            return send(request);
        }

        private HttpResponse<String> send(HttpRequest.Builder request) {
            try {
                return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private static String enc(String s) {
            return URLEncoder.encode(s, StandardCharsets.UTF_8);
        }
    }
}
