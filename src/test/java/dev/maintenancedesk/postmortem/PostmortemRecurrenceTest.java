package dev.maintenancedesk.postmortem;

import static dev.maintenancedesk.DeskClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.maintenancedesk.DeskClient;
import dev.maintenancedesk.DeskClient.Response;
import dev.maintenancedesk.DeskTest;
import dev.maintenancedesk.MutableClock;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Root causes are shared by the incidents they explain; an incident linked to a cause whose corrective
 * tickets were all closed before it started is flagged recurring, listed for the KPI and mailed to the
 * leads (a real SMTP server, GreenMail) — and not while a corrective ticket was still open. A cause that
 * stays quiet for the plan's period after its fixes is shown as resolved. Bad input writes nothing.
 */
@DeskTest
class PostmortemRecurrenceTest {

    static final MutableClock CLOCK = new MutableClock(OffsetDateTime.parse("2026-03-02T10:00:00+01:00").toInstant());
    static final GreenMail SMTP = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    static {
        SMTP.start();
    }

    @DynamicPropertySource
    static void endpoints(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
    }

    @TestConfiguration
    static class PinnedTime {
        @Bean
        @Primary
        Clock testClock() {
            return CLOCK;
        }
    }

    @AfterAll
    static void stop() {
        SMTP.stop();
    }

    @LocalServerPort
    int port;

    @Autowired
    RecurringIncidents recurring;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aCauseBackAfterItsFixesWereClosedIsFlaggedRecurringAndTheLeadsAreMailed() throws Exception {
        CLOCK.set(OffsetDateTime.parse("2026-03-02T10:00:00+01:00").toInstant());
        DeskClient.newUser(port, "pmr-lead", "LEAD");
        DeskClient admin = DeskClient.admin(port);
        long a = incident(admin, "Base saturée");
        Response created = admin.post("/api/v1/tickets/" + a + "/postmortem/causes",
                "{\"title\":\"Pool de connexions trop petit\",\"category\":\"configuration\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long cause = created.json().get("id").asLong();
        assertThat(created.json().get("category").asString()).isEqualTo("CONFIGURATION");
        assertThat(created.json().get("recurring").asBoolean()).isFalse();

        // A second incident shares the cause (picked by its id).
        CLOCK.set(OffsetDateTime.parse("2026-03-02T11:00:00+01:00").toInstant());
        long b = incident(admin, "API lente");
        assertThat(link(admin, b, cause).get("recurring").asBoolean()).isFalse();
        JsonNode shared = admin.get("/api/v1/root-causes/" + cause).json();
        assertThat(incidents(shared)).containsExactly(a, b);
        assertThat(admin.get("/api/v1/tickets/" + b + "/postmortem").json().get("causes").get(0)
                .get("otherIncidents").toString()).isEqualTo("[" + a + "]");

        // The long-term fix, a ticket with an owner and a due date, relates to the incident.
        Response fix = admin.post("/api/v1/tickets/" + a + "/postmortem/actions", "{\"title\":\"Dimensionner le pool\","
                + "\"owner\":\"admin\",\"dueOn\":\"2026-03-31\",\"causeId\":" + cause + "}");
        assertThat(fix.status()).as(fix.toString()).isEqualTo(201);
        long f = fix.json().get("ticket").asLong();
        JsonNode fixTicket = admin.get("/api/v1/tickets/" + f).json();
        assertThat(fixTicket.get("type").asString()).isEqualTo("CORRECTIVE");
        assertThat(fixTicket.get("assignee").asString()).isEqualTo("admin");
        assertThat(fixTicket.get("links").toString()).contains("RELATES_TO").contains("#" + a);
        assertThat(admin.get("/api/v1/root-causes/" + cause).json().get("status").asString()).isEqualTo("OPEN");

        // While the fix is open, a new incident of the same cause is not a recurrence.
        CLOCK.set(OffsetDateTime.parse("2026-03-03T10:00:00+01:00").toInstant());
        long c = incident(admin, "Erreurs 500 au paiement");
        assertThat(link(admin, c, cause).get("recurring").asBoolean()).isFalse();

        CLOCK.set(OffsetDateTime.parse("2026-03-04T10:00:00+01:00").toInstant());
        close(admin, f);
        JsonNode progress = admin.get("/api/v1/tickets/" + a + "/postmortem").json().get("actions").get(0);
        assertThat(progress.get("state").asString()).isEqualTo("CLOSED");
        assertThat(progress.get("closed").asBoolean()).isTrue();
        assertThat(admin.get("/api/v1/root-causes/" + cause).json().get("status").asString()).isEqualTo("WATCHING");

        // After the fix was closed, the cause comes back: recurring, listed, mailed to the leads.
        CLOCK.set(OffsetDateTime.parse("2026-03-10T10:00:00+01:00").toInstant());
        long d = incident(admin, "Base saturée, encore");
        assertThat(link(admin, d, cause).get("recurring").asBoolean()).isTrue();
        JsonNode pm = admin.get("/api/v1/tickets/" + d + "/postmortem").json();
        assertThat(pm.get("recurring").asBoolean()).isTrue();
        assertThat(admin.get("/api/v1/tickets/" + c + "/postmortem").json().get("recurring").asBoolean()).isFalse();
        assertThat(recurring.startedBetween(OffsetDateTime.parse("2026-03-01T00:00:00+01:00").toInstant(),
                OffsetDateTime.parse("2026-04-01T00:00:00+02:00").toInstant()))
                .extracting(RecurringIncidents.Recurrence::ticketNumber).containsExactly(d);
        await(() -> !mails("pmr-lead@example.test", "récurrent — #" + d + " ").isEmpty());
        assertThat(mails("pmr-lead@example.test", "récurrent — #" + d + " ")).hasSize(1);
        assertThat(mails("pmr-lead@example.test", "récurrent — #" + d + " ").getFirst().getSubject())
                .contains("Incident récurrent — #" + d + " « Base saturée, encore »")
                .contains("Pool de connexions trop petit");
        assertThat(mails("pmr-lead@example.test", "#" + c + " ")).as("no recurrence while the fix was open")
                .noneMatch(m -> subject(m).contains("récurrent"));

        // Quiet for the plan's 90 days after the last incident: resolved.
        assertThat(admin.get("/api/v1/root-causes/" + cause).json().get("status").asString()).isEqualTo("WATCHING");
        CLOCK.set(OffsetDateTime.parse("2026-06-09T10:00:00+02:00").toInstant());
        JsonNode resolved = admin.get("/api/v1/root-causes/" + cause).json();
        assertThat(resolved.get("status").asString()).isEqualTo("RESOLVED");
        assertThat(incidents(resolved)).containsExactly(a, b, c, d);
    }

    @Test
    void anImpactStartMovedBeforeTheFixClosedIsNoLongerARecurrence() {
        CLOCK.set(OffsetDateTime.parse("2026-04-06T10:00:00+02:00").toInstant());
        DeskClient admin = DeskClient.admin(port);
        long x = incident(admin, "Cache froid");
        long cause = admin.post("/api/v1/tickets/" + x + "/postmortem/causes",
                "{\"title\":\"Cache vidé au déploiement\",\"category\":\"process\"}").json().get("id").asLong();
        long fix = admin.post("/api/v1/tickets/" + x + "/postmortem/actions", "{\"title\":\"Préchauffer le cache\","
                + "\"owner\":\"admin\",\"dueOn\":\"2026-04-30\",\"causeId\":" + cause + ",\"type\":\"PREVENTIVE\"}")
                .json().get("ticket").asLong();
        assertThat(admin.get("/api/v1/tickets/" + fix).json().get("type").asString()).isEqualTo("PREVENTIVE");
        CLOCK.set(OffsetDateTime.parse("2026-04-07T10:00:00+02:00").toInstant());
        close(admin, fix);
        CLOCK.set(OffsetDateTime.parse("2026-04-08T10:00:00+02:00").toInstant());
        long y = incident(admin, "Cache froid, encore");
        assertThat(link(admin, y, cause).get("recurring").asBoolean()).isTrue();
        // Reported late: it had started before the fix closed, so it is not a recurrence after all.
        Response moved = admin.send("PUT", "/api/v1/tickets/" + y + "/postmortem/impact",
                "{\"startedAt\":\"2026-04-07T09:00\",\"endedAt\":\"2026-04-08T09:30\"}");
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        assertThat(moved.json().get("recurring").asBoolean()).isFalse();
        assertThat(recurring.startedBetween(OffsetDateTime.parse("2026-04-01T00:00:00+02:00").toInstant(),
                OffsetDateTime.parse("2026-05-01T00:00:00+02:00").toInstant())).isEmpty();
    }

    @Test
    void twentyParallelLinksOfOneCauseAndEditsOfOneLineAllSucceedOnce() throws Exception {
        CLOCK.set(OffsetDateTime.parse("2026-05-05T10:00:00+02:00").toInstant());
        DeskClient admin = DeskClient.admin(port);
        long n = incident(admin, "Course");
        long cause = admin.post("/api/v1/root-causes", "{\"title\":\"Course au démarrage\",\"category\":\"code\"}")
                .json().get("id").asLong();
        String key = admin.get("/api/v1/tickets/" + n + "/postmortem").json().get("chronology").get(0).get("key").asString();
        List<java.util.concurrent.Future<Response>> answers = new ArrayList<>();
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(20)) {
            var start = new java.util.concurrent.CountDownLatch(1);
            for (int i = 0; i < 20; i++) {
                int k = i;
                answers.add(pool.submit(() -> {
                    start.await();
                    return k % 2 == 0 ? admin.post("/api/v1/tickets/" + n + "/postmortem/causes", "{\"causeId\":" + cause + "}")
                            : admin.send("PUT", "/api/v1/tickets/" + n + "/postmortem/chronology/" + key,
                                    "{\"at\":\"2026-05-05T10:00\",\"text\":\"Version " + k + "\"}");
                }));
            }
            start.countDown();
        }
        for (var answer : answers) {
            assertThat(answer.get().status()).as(answer.get().toString()).isIn(200, 201);
        }
        assertThat(count("incident_causes WHERE ticket_number = " + n)).isEqualTo(1);
        assertThat(count("postmortem_timeline WHERE ticket_number = " + n)).isEqualTo(1);
    }

    @Test
    void badCausesAndFixesAreRefusedNamingTheFieldAndWriteNothing() {
        CLOCK.set(OffsetDateTime.parse("2026-03-05T10:00:00+01:00").toInstant());
        DeskClient admin = DeskClient.admin(port);
        long n = incident(admin, "Entrée invalide");
        String causes = "/api/v1/tickets/" + n + "/postmortem/causes";
        long before = count("root_causes") + count("incident_causes");
        long maxTicket = jdbc.sql("SELECT MAX(number) FROM tickets").query(Long.class).single();

        assertRefused(admin.post(causes, "{\"causeId\":999999999}"), "causeId", "unknown-cause");
        Response notANumber = admin.post(causes, "{\"causeId\":\"abc\"}");
        assertThat(notANumber.status()).isEqualTo(400);
        assertThat(notANumber.json().get("field").asString()).isEqualTo("causeId");
        assertRefused(admin.post(causes, "{\"title\":\"Panne DNS\",\"category\":\"weather\"}"), "category", "unknown-category");
        assertRefused(admin.post(causes, "{\"title\":\"  \",\"category\":\"code\"}"), "title", "required");
        assertRefused(admin.post("/api/v1/root-causes", "{\"title\":\"\",\"category\":\"code\"}"), "title", "required");
        assertThat(count("root_causes") + count("incident_causes")).isEqualTo(before);

        Response fix = admin.post("/api/v1/tickets/" + n + "/postmortem/actions",
                "{\"title\":\"Corriger\",\"owner\":\"nobody-here\",\"dueOn\":\"2026-03-01\",\"causeId\":999999999}");
        assertRefused(fix, "owner", "unknown-user");
        List<String> fields = new ArrayList<>();
        fix.json().get("errors").forEach(e -> fields.add(e.get("field").asString()));
        assertThat(fields).containsExactly("owner", "dueOn", "causeId");
        assertThat(jdbc.sql("SELECT MAX(number) FROM tickets").query(Long.class).single()).isEqualTo(maxTicket);
        assertThat(count("postmortem_actions WHERE incident_number = " + n)).isZero();
        assertThat(admin.get("/api/v1/tickets/999999999/postmortem").status()).isEqualTo(404);
    }

    private static void assertRefused(Response r, String field, String code) {
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("field").asString()).isEqualTo(field);
        assertThat(r.json().get("errors").get(0).get("code").asString()).isEqualTo(code);
    }

    private long count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }

    static long incident(DeskClient admin, String title) {
        return admin.post("/api/v1/tickets", json("{\"title\":%s,\"type\":\"CORRECTIVE\",\"priority\":\"P1\"}", title))
                .json().get("number").asLong();
    }

    private static JsonNode link(DeskClient admin, long incident, long cause) {
        Response r = admin.post("/api/v1/tickets/" + incident + "/postmortem/causes", "{\"causeId\":" + cause + "}");
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json();
    }

    private static List<Long> incidents(JsonNode cause) {
        List<Long> numbers = new ArrayList<>();
        cause.get("incidents").forEach(i -> numbers.add(i.get("ticket").asLong()));
        return numbers;
    }

    /** Walks a ticket assigned to admin through the workflow to CLOSED. */
    static void close(DeskClient admin, long n) {
        String t = "/api/v1/tickets/" + n;
        PostmortemChronologyApiTest.move(admin, n, "TRIAGED");
        PostmortemChronologyApiTest.move(admin, n, "ASSIGNED");
        PostmortemChronologyApiTest.move(admin, n, "IN_PROGRESS");
        admin.post(t + "/links", "{\"kind\":\"PULL_REQUEST\",\"target\":\"#7\",\"merged\":true}");
        admin.patch(t, json("{\"version\":%s,\"testEvidence\":\"ci\",\"releaseNote\":\"pool agrandi\"}",
                admin.get(t).json().get("version").asInt()));
        PostmortemChronologyApiTest.move(admin, n, "IN_REVIEW");
        PostmortemChronologyApiTest.move(admin, n, "MERGED");
        PostmortemChronologyApiTest.move(admin, n, "CLOSED");
    }

    private static List<MimeMessage> mails(String address, String about) {
        return Arrays.stream(SMTP.getReceivedMessages()).filter(m -> subject(m).contains(about)).filter(m -> {
            try {
                return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(x -> x.toString().equals(address));
            } catch (Exception e) {
                return false;
            }
        }).toList();
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Polls a condition the application reaches asynchronously; the bound only keeps a broken run from hanging. */
    private static void await(BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 600 && !condition.getAsBoolean(); i++) {
            Thread.sleep(50);
        }
        assertThat(condition.getAsBoolean()).as("the awaited condition").isTrue();
    }
}
