package dev.maintenancedesk.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maintenancedesk.DeskClient;
import dev.maintenancedesk.DeskTest;
import dev.maintenancedesk.hostile.HostileHttp.Answer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One test per input or race case of issue 8's "Why": each failed before the fix (a 5xx, a gap, a
 * Java name in a body, a wrong answer) and states the answer the issue asks for: 400 naming the field
 * ({@code field} and an {@code errors} list) for bad input, 409 for conflicts, 415 for unsupported
 * media types, nothing written when refused, an HTML page in French for a browser.
 */
@DeskTest
class HostileRegressionTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, String> SEND_JSON = Map.of("Content-Type", "application/json", "Accept", "application/json");
    private static final Map<String, String> ACCEPT_JSON = Map.of("Accept", "application/json");
    private static final Map<String, String> BROWSER = Map.of("Accept",
            "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "Accept-Language", "fr-FR,fr;q=0.9");
    private static final AtomicInteger UNIQUE = new AtomicInteger();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    HostileHttp admin;

    @BeforeEach
    void client() {
        admin = HostileHttp.bearer(port, DeskTest.ADMIN_TOKEN);
    }

    // ------------------------------------------------------------------ NUL

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "title          | {\"title\":\"a\\u0000b\"}                        | title",
            "description    | {\"title\":\"x\",\"description\":\"a\\u0000b\"}  | description",
            "component      | {\"title\":\"x\",\"component\":\"a\\u0000b\"}    | component",
    })
    void aNulInATicketBodyIsRefusedNamingTheField(String why, String body, String field) {
        DbSnapshot before = DbSnapshot.take(jdbc);
        Answer r = admin.send("POST", "/api/v1/tickets", SEND_JSON, bytes(body));
        assertBadRequest(r, field);
        assertThat(DbSnapshot.take(jdbc).changedSince(before)).as("tables changed").isEmpty();
    }

    @Test
    void aNulInACommentOrAPostmortemSectionIsRefusedNamingTheField() {
        long n = ticket("{\"title\":\"NUL elsewhere\",\"priority\":\"P1\"}");
        DbSnapshot before = DbSnapshot.take(jdbc);
        assertBadRequest(admin.send("POST", "/api/v1/tickets/" + n + "/comments", SEND_JSON, bytes("{\"body\":\"a\\u0000b\"}")),
                "body");
        String section = firstSection(n);
        assertBadRequest(admin.send("PUT", "/api/v1/tickets/" + n + "/postmortem", SEND_JSON,
                bytes("{\"sections\":{\"" + section + "\":\"a\\u0000b\"}}")), "sections." + section);
        assertThat(DbSnapshot.take(jdbc).changedSince(before)).as("tables changed").isEmpty();
    }

    /** Found by the campaign: an instant no column holds in a post-mortem's impact window was a 500. */
    @ParameterizedTest
    @ValueSource(strings = {"startedAt", "detectedAt", "endedAt"})
    void anImpactInstantBeyondAnyYearIsRefusedNamingTheField(String field) {
        long n = ticket("{\"title\":\"Impact hors du temps\",\"priority\":\"P1\"}");
        DbSnapshot before = DbSnapshot.take(jdbc);
        assertBadRequest(admin.send("PUT", "/api/v1/tickets/" + n + "/postmortem/impact", SEND_JSON,
                bytes("{\"" + field + "\":\"+999999999-12-31T23:59:59Z\"}")), field);
        assertThat(DbSnapshot.take(jdbc).changedSince(before)).as("tables changed").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"text", "label", "assignee", "team"})
    void aNulInAQueryFilterIsRefusedNamingTheParameter(String parameter) {
        assertBadRequest(admin.send("GET", "/api/v1/tickets?" + parameter + "=a%00b", ACCEPT_JSON, null), parameter);
    }

    /** Found by the campaign (not in the issue's list): bytes that are no UTF-8 in a query parameter. */
    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/tickets?state=%ED%A0%80", "/api/v1/tickets?text=%ED%A0%80",
            "/api/v1/sla?status=%ED%A0%80", "/api/v1/releases?lang=%ED%A0%80"})
    void aLoneSurrogateInAQueryParameterIs400(String path) {
        Answer r = admin.send("GET", path, ACCEPT_JSON, null);
        assertProblem(r, 400);
    }

    // ----------------------------------------------------- form values over their column

    @ParameterizedTest(name = "{0}.{1} of {2} characters")
    @CsvSource({
            "/profile, displayName, 101",
            "/profile, email, 255",
            "/admin/users, displayName, 101",
            "/admin/users, email, 255",
            "/tickets/{n}, releaseNote, 501",
            "/tickets/{n}, testEvidence, 4001",
            "/tickets/{n}/links, target, 501",
            "/tickets/{n}/transitions, reason, 1001",
    })
    void aFormValueLongerThanItsColumnIsShownAsAnErrorAndWritesNothing(String form, String field, int length) {
        HostileHttp browser = newBrowser("ADMIN");
        long n = ticket("{\"title\":\"Form lengths\"}");
        String value = field.equals("email") ? "a@" + "b".repeat(length - 7) + ".test" : "é".repeat(length);
        assertThat(value).hasSize(length);
        String version = Long.toString(jdbc.sql("SELECT version FROM tickets WHERE number = ?").param(n).query(Long.class).single());
        String body = switch (form) {
            case "/profile" -> "displayName=Someone&email=someone%40example.test&language=fr&timeZone=Europe%2FParis";
            case "/admin/users" -> "username=" + name("form") + "&displayName=Someone&email=someone%40example.test"
                    + "&role=REPORTER&password=a-long-enough-password";
            case "/tickets/{n}" -> "version=" + version + "&title=Form+lengths&releaseNote=note&testEvidence=tested";
            case "/tickets/{n}/links" -> "kind=COMMIT&target=abcdef1";
            default -> "to=REJECTED&reason=because";
        };
        body = body.replaceAll("(^|&)" + field + "=[^&]*", "$1" + field + "=" + Hostile.url(value));
        if (!body.contains(field + "=")) {
            body += "&" + field + "=" + Hostile.url(value);
        }
        String path = form.replace("{n}", Long.toString(n));
        DbSnapshot before = DbSnapshot.take(jdbc);

        Answer r = browser.send("POST", path, Map.of("Content-Type", "application/x-www-form-urlencoded", "Accept", "text/html"),
                bytes("_csrf=" + HostileHttp.enc(browser.csrf()) + "&" + body));

        assertThat(r.status()).as(r.toString()).isIn(200, 302);
        assertThat(DbSnapshot.take(jdbc).changedSince(before)).as("tables changed").isEmpty();
        String page = r.status() == 200 ? r.body()
                : browser.send("GET", r.header("Location").replaceFirst("^https?://[^/]+", "").replaceFirst("#.*", ""),
                        BROWSER, null).body();
        assertThat(page).as("the form shows the error").contains("role=\"alert\"");
        assertThat(Hostile.leak(page)).isNull();
    }

    // ------------------------------------------------------------- bodies and media types

    @Test
    void aNullLabelIsRefusedNamingTheLabels() {
        DbSnapshot before = DbSnapshot.take(jdbc);
        Answer r = admin.send("POST", "/api/v1/tickets", SEND_JSON, bytes("{\"title\":\"x\",\"labels\":[null]}"));
        assertBadRequestStartingWith(r, "labels");
        assertThat(DbSnapshot.take(jdbc).changedSince(before)).as("tables changed").isEmpty();
    }

    /** Found by the full campaign after the fixes: Jackson took a blank string ("\u0000") for null. */
    @ParameterizedTest
    @ValueSource(strings = {"apiImpact", "docsUpdated", "changelogUpdated"})
    void aBlankStringIsNoBoolean(String field) {
        long n = ticket("{\"title\":\"Blank flags\"}");
        DbSnapshot before = DbSnapshot.take(jdbc);
        Answer r = admin.send("PATCH", "/api/v1/tickets/" + n, SEND_JSON,
                bytes("{\"version\":0,\"" + field + "\":\"\\u0000\"}"));
        assertBadRequest(r, field);
        assertThat(DbSnapshot.take(jdbc).changedSince(before)).as("tables changed").isEmpty();
    }

    /** Found by the full campaign after the multi-state filter: a blank state was a null in the set (500). */
    @Test
    void aBlankStateIs400() {
        Answer r = admin.send("GET", "/api/v1/tickets?state=%20%20%20", ACCEPT_JSON, null);
        assertBadRequest(r, "state");
    }

    /** Found by the full campaign after the fixes: the security firewall refuses a NUL in a parameter name. */
    @Test
    void aNulInAParameterNameIs400() {
        Answer r = admin.send("GET", "/api/v1/tickets?label=x&label%00=1", ACCEPT_JSON, null);
        assertProblem(r, 400);
    }

    @ParameterizedTest
    @ValueSource(strings = {"*/*", "multipart/form-data"})
    void anUnsupportedContentTypeIs415(String contentType) {
        DbSnapshot before = DbSnapshot.take(jdbc);
        Answer r = admin.send("POST", "/api/v1/tickets", Map.of("Content-Type", contentType, "Accept", "application/json"),
                bytes("{\"title\":\"media type\"}"));
        assertProblem(r, 415);
        assertThat(DbSnapshot.take(jdbc).changedSince(before)).as("tables changed").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "text/html"})
    void theErrorRouteCalledDirectlyIs404(String accept) {
        Answer r = admin.send("GET", "/error", Map.of("Accept", accept), null);
        assertThat(r.status()).as(r.toString()).isEqualTo(404);
        assertThat(Hostile.leak(r.body())).isNull();
    }

    // ------------------------------------------------------------------ lists and cursors

    @Test
    void aKeysetCursorOutOfRangeIs400OnTheApi() {
        assertBadRequest(admin.send("GET", "/api/v1/tickets?order=due&after=9223372036854775807_1", ACCEPT_JSON, null), "after");
    }

    @Test
    void aKeysetCursorOutOfRangeIs400OnTheTicketsPage() {
        Answer r = newBrowser("REPORTER").send("GET", "/tickets?order=due&after=9223372036854775807_1", BROWSER, null);
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("text/html");
        assertThat(Hostile.leak(r.body())).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"state=a&state=b", "priority=P1&priority=P2"})
    void aRepeatedQueryParameterIs400WithoutJavaNames(String query) {
        Answer r = admin.send("GET", "/api/v1/tickets?" + query, ACCEPT_JSON, null);
        assertBadRequest(r, query.substring(0, query.indexOf('=')));
        assertThat(r.body()).doesNotContain("[Ljava");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/tickets/abc", "/tickets?priority=P9"})
    void aBrowserGetsAnHtmlErrorPageInFrenchNotJson(String path) {
        Answer r = newBrowser("REPORTER").send("GET", path, BROWSER, null);
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.contentType()).as(r.toString()).startsWith("text/html");
        assertThat(r.body()).contains("<html").contains("lang=\"fr\"").doesNotContain("\"status\":");
        assertThat(Hostile.leak(r.body())).isNull();
    }

    // ----------------------------------------------------------------------------- SLA

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "deadline | /api/v1/sla/deadline?priority=P1&clock=resolution&start=%2B999999999-12-31T23:59:59Z",
            "add      | /api/v1/sla/add?businessMinutes=60&start=%2B999999999-12-31T23:59:59Z",
            "between  | /api/v1/sla/between?start=%2B999999999-12-31T23:59:59Z&end=%2B999999999-12-31T23:59:59Z",
            "early    | /api/v1/sla/deadline?priority=P1&clock=resolution&start=-999999999-01-01T00:00:00Z",
    })
    void slaInstantsOutOfRangeAre400(String why, String path) {
        assertBadRequest(admin.send("GET", path, ACCEPT_JSON, null), "start");
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"%2B10000-01-01T00:00:00Z, %2B20000-01-01T00:00:00Z", "3000-01-01T00:00:00Z, 5000-01-01T00:00:00Z"})
    void aReporterCannotAskForBusinessMinutesOutsideTheDocumentedYears(String start, String end) {
        HostileHttp reporter = HostileHttp.bearer(port, DeskClient.browserLogin(port, newUser("REPORTER"), password())
                .createToken("between"));
        Answer r = reporter.send("GET", "/api/v1/sla/between?start=" + start + "&end=" + end, ACCEPT_JSON, null);
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertProblem(r, 400);
        JsonNode problem = JSON.readTree(r.body());
        assertThat(problem.get("field").asString()).isIn("start", "end");
        assertThat(problem.get("errors").isArray()).isTrue();

        Answer inRange = reporter.send("GET", "/api/v1/sla/between?start=2027-10-22T09:00:00Z&end=2027-10-29T09:00:00Z",
                ACCEPT_JSON, null);
        assertThat(inRange.status()).as(inRange.toString()).isEqualTo(200);
        assertThat(JSON.readTree(inRange.body()).get("businessMinutes").asLong()).isPositive();
    }

    @Test
    void zeroBusinessMinutesFromAClosedInstantGiveTheNextOpening() {
        Answer friday = admin.send("GET", "/api/v1/sla/add?start=2027-10-22T17:37:00Z&businessMinutes=0", ACCEPT_JSON, null);
        assertThat(friday.status()).as(friday.toString()).isEqualTo(200);
        assertThat(JSON.readTree(friday.body()).get("end").asString()).isEqualTo("2027-10-25T09:00:00+02:00");

        Answer open = admin.send("GET", "/api/v1/sla/add?start=2027-10-22T08:00:00Z&businessMinutes=0", ACCEPT_JSON, null);
        assertThat(JSON.readTree(open.body()).get("end").asString()).isEqualTo("2027-10-22T10:00:00+02:00");
    }

    // ----------------------------------------------------------------------- numbers

    @Test
    void aRefusedCreateConsumesNoTicketNumber() {
        long first = ticket("{\"title\":\"Before refused creates\"}");
        List<String> refused = List.of("{\"title\":\"a\\u0000b\"}", "{\"title\":\"x\",\"labels\":[null]}",
                "{\"title\":\"x\",\"assignee\":\"nobody-at-all\"}", "{\"title\":\"x\",\"template\":\"nope\"}",
                "{\"title\":\"x\",\"labels\":[\"Bug Fix!\"]}", "{\"title\":\"" + "t".repeat(201) + "\"}");
        for (String body : refused) {
            Answer r = admin.send("POST", "/api/v1/tickets", SEND_JSON, bytes(body));
            // Refused, whatever the status (the tests above ask for 400): what matters here is the number.
            assertThat(r.status()).as(body + " → " + r).isNotEqualTo(201);
        }
        HostileHttp browser = newBrowser("ADMIN");
        Answer form = browser.send("POST", "/tickets/new", Map.of("Content-Type", "application/x-www-form-urlencoded",
                "Accept", "text/html"), bytes("_csrf=" + HostileHttp.enc(browser.csrf()) + "&template=plain&title=a%00b"));
        assertThat(form.status()).as(form.toString()).isNotEqualTo(302);

        long next = ticket("{\"title\":\"After refused creates\"}");
        assertThat(next).as("the number after #" + first).isEqualTo(first + 1);
    }

    // --------------------------------------------------------------------------- races

    @Test
    void thirtyParallelFirstPostmortemWritesSucceedOrConflict() throws Exception {
        long n = ticket("{\"title\":\"Race for the post-mortem\",\"priority\":\"P1\"}");
        String body = "{\"sections\":{\"" + firstSection(n) + "\":\"what happened\"}}";
        List<Integer> statuses = race(() -> admin.send("PUT", "/api/v1/tickets/" + n + "/postmortem", SEND_JSON, bytes(body)));
        assertThat(statuses).as("statuses").allMatch(s -> (s >= 200 && s < 300) || s == 409).anyMatch(s -> s < 300);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM postmortems WHERE ticket_number = ?").param(n).query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void thirtyParallelRegistrationsOfOneDeprecationLeaveOneRow() throws Exception {
        String key = name("race.key");
        String body = "{\"key\":\"" + key + "\",\"description\":\"raced\",\"announcedIn\":\"1.4.0\"}";
        List<Integer> statuses = race(() -> admin.send("POST", "/api/v1/deprecations", SEND_JSON, bytes(body)));
        assertThat(statuses).as("statuses").allMatch(s -> (s >= 200 && s < 300) || s == 409).anyMatch(s -> s < 300);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM deprecations WHERE deprecation_key = ?").param(key).query(Long.class).single())
                .isEqualTo(1);
    }

    /** Thirty identical requests released at once; their statuses (-1: no answer). */
    private static List<Integer> race(java.util.concurrent.Callable<Answer> request) throws Exception {
        int n = 30;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch ready = new CountDownLatch(n);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Answer>> answers = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                answers.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return request.call();
                }));
            }
            ready.await(30, TimeUnit.SECONDS);
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Answer> a : answers) {
                statuses.add(a.get(HostileHttp.TIMEOUT.toSeconds() + 10, TimeUnit.SECONDS).status());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }

    // ------------------------------------------------------------------------- helpers

    private long ticket(String body) {
        Answer r = admin.send("POST", "/api/v1/tickets", SEND_JSON, bytes(body));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return JSON.readTree(r.body()).get("number").asLong();
    }

    private String firstSection(long n) {
        return JSON.readTree(admin.send("GET", "/api/v1/tickets/" + n + "/postmortem", ACCEPT_JSON, null).body())
                .get("sections").get(0).get("key").asString();
    }

    private static String name(String prefix) {
        return prefix + "-" + ProcessHandle.current().pid() + "-" + UNIQUE.incrementAndGet();
    }

    private static String password() {
        return "regression-password-0123";
    }

    private String newUser(String role) {
        String username = name("hreg").toLowerCase();
        var created = DeskClient.admin(port).post("/api/v1/users", DeskClient.json(
                "{\"username\":%s,\"password\":%s,\"role\":%s}", username, password(), role));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return username;
    }

    private HostileHttp newBrowser(String role) {
        return HostileHttp.browser(port, newUser(role), password());
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static void assertProblem(Answer r, int status) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.contentType()).as(r.toString()).startsWith("application/problem+json");
        assertThat(JSON.readTree(r.body()).get("status").asInt()).isEqualTo(status);
        assertThat(Hostile.leak(r.body())).as(r.toString()).isNull();
    }

    /** 400 problem+json whose {@code field} is the one at fault and whose {@code errors} list names it. */
    static void assertBadRequest(Answer r, String field) {
        assertProblem(r, 400);
        JsonNode problem = JSON.readTree(r.body());
        assertThat(problem.has("field") ? problem.get("field").asString() : null).as(r.toString()).isEqualTo(field);
        assertErrorsName(r, problem, field);
    }

    static void assertBadRequestStartingWith(Answer r, String field) {
        assertProblem(r, 400);
        JsonNode problem = JSON.readTree(r.body());
        assertThat(problem.has("field") ? problem.get("field").asString() : "").as(r.toString()).startsWith(field);
        assertErrorsName(r, problem, problem.get("field").asString());
    }

    private static void assertErrorsName(Answer r, JsonNode problem, String field) {
        assertThat(problem.has("errors") && problem.get("errors").isArray()).as("an errors list: " + r).isTrue();
        List<String> fields = new ArrayList<>();
        problem.get("errors").forEach(e -> fields.add(e.has("field") ? e.get("field").asString() : null));
        assertThat(fields).as(r.toString()).contains(field);
    }
}
