package dev.maintenancedesk.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import dev.maintenancedesk.DeskClient;
import dev.maintenancedesk.DeskTest;
import dev.maintenancedesk.MutableClock;
import dev.maintenancedesk.sla.SlaBreached;
import dev.maintenancedesk.sla.SlaWatch;
import dev.maintenancedesk.tickets.TicketCreated;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * At-risk and breach alerts reach a real SMTP server (GreenMail) and a chat webhook on loopback,
 * exactly once; a new P1 alerts the leads at once.
 */
@DeskTest
class SlaNotificationTest {

    /** Tuesday 10 March 2026, 10:00 in Paris: a business morning on the CESIZen calendar. */
    static final MutableClock CLOCK = new MutableClock(OffsetDateTime.parse("2026-03-10T10:00:00+01:00").toInstant());
    static final GreenMail SMTP = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    static final List<String> CHAT = new CopyOnWriteArrayList<>();
    /** How many of the next webhook posts fail with a 503, as a chat service having an outage would. */
    static final java.util.concurrent.atomic.AtomicInteger FAILURES = new java.util.concurrent.atomic.AtomicInteger();
    static final HttpServer WEBHOOK;

    static {
        SMTP.start();
        try {
            WEBHOOK = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        WEBHOOK.createContext("/hook", exchange -> {
            if (FAILURES.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                exchange.getRequestBody().readAllBytes();
                exchange.sendResponseHeaders(503, -1);
                exchange.close();
                return;
            }
            CHAT.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        WEBHOOK.start();
    }

    @DynamicPropertySource
    static void endpoints(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
        registry.add("desk.notify.webhook-url", () -> "http://127.0.0.1:" + WEBHOOK.getAddress().getPort() + "/hook");
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
        WEBHOOK.stop(0);
    }

    @LocalServerPort
    int port;

    @Autowired
    SlaWatch watch;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void atRiskGoesToTheAssigneeAndABreachAlsoToTheLeadsExactlyOnce() throws Exception {
        CLOCK.set(OffsetDateTime.parse("2026-03-10T10:00:00+01:00").toInstant());
        DeskClient.newUser(port, "nt-dev", "DEVELOPER");
        DeskClient.newUser(port, "nt-lead", "LEAD");
        DeskClient admin = DeskClient.admin(port);
        long n = admin.post("/api/v1/tickets", "{\"title\":\"Recherche lente\",\"type\":\"CORRECTIVE\","
                + "\"priority\":\"P2\",\"assignee\":\"nt-dev\"}").json().get("number").asLong();
        await(() -> clocksStored(n));
        watch.scan();
        assertThat(alerts(n)).isZero();

        CLOCK.advance(Duration.ofMinutes(95)); // 11:35: take-charge (2h) past 75 %
        watch.scan();
        assertThat(alerts(n)).isEqualTo(1);
        assertThat(admin.get("/api/v1/sla?status=at_risk").json().toString()).contains("\"number\":" + n + ",");
        assertThat(admin.get("/api/v1/sla?status=breached").json().toString()).doesNotContain("\"number\":" + n + ",");
        await(() -> mailsTo("nt-dev@example.test").size() == 1 && chatsAbout(n) == 1);
        assertThat(subject(mailsTo("nt-dev@example.test").getFirst())).contains("SLA à risque", "#" + n);
        assertThat(mailsTo("nt-lead@example.test")).noneMatch(m -> subject(m).contains("#" + n + " "));
        assertThat(CHAT.stream().filter(c -> c.contains("#" + n + " ")).findFirst().orElseThrow())
                .startsWith("{\"text\":").contains("SLA à risque", "prise en compte");

        CLOCK.advance(Duration.ofMinutes(30)); // 12:05: take-charge breached
        watch.scan();
        assertThat(alerts(n)).isEqualTo(2);
        await(() -> about(mailsTo("nt-lead@example.test"), n).size() == 1 && mailsTo("nt-dev@example.test").size() == 2);
        assertThat(subject(about(mailsTo("nt-lead@example.test"), n).getFirst())).contains("SLA dépassé");
        await(() -> chatsAbout(n) == 2);

        watch.scan();
        assertThat(alerts(n)).as("nothing is raised twice").isEqualTo(2);
        DeskClient.Response breached = admin.get("/api/v1/sla?status=breached");
        assertThat(breached.json().toString()).contains("\"number\":" + n + ",");
        DeskClient.Response bad = admin.get("/api/v1/sla?status=late");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("field").asString()).isEqualTo("status");
        int mails = about(mailsTo("nt-dev@example.test"), n).size() + about(mailsTo("nt-lead@example.test"), n).size();
        int chats = (int) CHAT.stream().filter(c -> c.contains("#" + n + " ")).count();

        // A redelivered event (as after a crash between send and completion) sends nothing again.
        var deadline = jdbc.sql("SELECT deadline FROM sla_alerts WHERE ticket_number = ? AND kind = 'BREACHED'")
                .param(n).query(OffsetDateTime.class).single().toInstant();
        transactions.executeWithoutResult(s -> events.publishEvent(new SlaBreached(n,
                dev.maintenancedesk.sla.ClockKind.TAKE_CHARGE, "P2", "nt-dev", deadline, CLOCK.instant())));
        awaitNotified(SlaBreached.class, n, 2); // the alert, then its redelivery: both handled
        assertThat(about(mailsTo("nt-dev@example.test"), n).size() + about(mailsTo("nt-lead@example.test"), n).size())
                .isEqualTo(mails);
        assertThat(CHAT.stream().filter(c -> c.contains("#" + n + " ")).count()).isEqualTo(chats);
    }

    @Test
    void twoWatchersScanningAtOnceRaiseEachAlertOnce() throws Exception {
        CLOCK.set(OffsetDateTime.parse("2026-03-12T10:00:00+01:00").toInstant());
        DeskClient.newUser(port, "nt-dev4", "DEVELOPER");
        long n = DeskClient.admin(port).post("/api/v1/tickets", "{\"title\":\"Deux instances\",\"priority\":\"P2\","
                + "\"assignee\":\"nt-dev4\"}").json().get("number").asLong();
        await(() -> clocksStored(n));
        CLOCK.advance(Duration.ofMinutes(125)); // take-charge (2h) breached, resolution (6h) not at risk
        var start = new java.util.concurrent.CountDownLatch(1);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        var scans = List.of(pool.submit(() -> { start.await(); return watch.scan(); }),
                pool.submit(() -> { start.await(); return watch.scan(); }));
        start.countDown();
        for (var scan : scans) {
            scan.get();
        }
        pool.shutdown();
        assertThat(alerts(n)).isEqualTo(1);
        awaitNotified(SlaBreached.class, n, 1);
        assertThat(notifications(SlaBreached.class, n)).as("one alert event, handled").isEqualTo(1);
        // the chat goes out after every lead's mail: wait for it rather than for a fixed time
        await(() -> about(mailsTo("nt-dev4@example.test"), n).size() == 1 && chatsAbout(n) >= 1);
        assertThat(about(mailsTo("nt-dev4@example.test"), n)).hasSize(1);
        assertThat(chatsAbout(n)).isEqualTo(1);
    }

    @Test
    void aNewP1AlertsTheLeadsAtOnce() throws Exception {
        DeskClient.newUser(port, "nt-lead2", "LEAD");
        long n = DeskClient.admin(port).post("/api/v1/tickets", "{\"title\":\"Site indisponible\",\"priority\":\"P1\"}")
                .json().get("number").asLong();
        await(() -> mailsTo("nt-lead2@example.test").stream().anyMatch(m -> subject(m).contains("Nouveau P1 — #" + n)));
    }

    @Test
    void eachLeadIsMailedInTheLanguageOfTheirProfileAndTheChatInThePlans() throws Exception {
        DeskClient admin = DeskClient.admin(port);
        DeskClient.Response created = admin.post("/api/v1/users", DeskClient.json("{\"username\":\"nt-lead-en\","
                + "\"password\":\"pw-nt-lead-en-0123456789\",\"role\":\"LEAD\",\"email\":\"nt-lead-en@example.test\","
                + "\"language\":%s}", "en"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        DeskClient.newUser(port, "nt-lead-fr", "LEAD");
        long n = admin.post("/api/v1/tickets", "{\"title\":\"Checkout down\",\"priority\":\"P1\"}")
                .json().get("number").asLong();
        await(() -> about(mailsTo("nt-lead-en@example.test"), n).size() == 1
                && about(mailsTo("nt-lead-fr@example.test"), n).size() == 1 && chatsAbout(n) == 1);
        assertThat(subject(about(mailsTo("nt-lead-en@example.test"), n).getFirst()))
                .isEqualTo("[Maintenance Desk] New P1 — #" + n + " “Checkout down”: take charge within 1 business hour");
        assertThat(subject(about(mailsTo("nt-lead-fr@example.test"), n).getFirst()))
                .isEqualTo("[Maintenance Desk] Nouveau P1 — #" + n + " « Checkout down » : prise en compte sous 1h ouvrée");
        assertThat(CHAT.stream().filter(c -> c.contains("#" + n + " ")).findFirst().orElseThrow())
                .contains("Nouveau P1 — #" + n + " « Checkout down » : prise en compte sous 1h ouvrée");
    }

    @Test
    void aFailedSendIsRetriedFromTheRegistryAndWhatWentOutIsNotSentAgain() throws Exception {
        DeskClient.newUser(port, "nt-lead3", "LEAD");
        FAILURES.set(1);
        long n = DeskClient.admin(port).post("/api/v1/tickets", "{\"title\":\"Paiement KO\",\"priority\":\"P1\"}")
                .json().get("number").asLong();
        // The mail goes out first, then the chat post meets the 503: the listener has failed and nothing
        // retries it until it is resubmitted.
        await(() -> about(mailsTo("nt-lead3@example.test"), n).size() == 1 && FAILURES.get() == 0);
        assertThat(chatsAbout(n)).as("the chat post failed").isZero();
        assertThat(handled(TicketCreated.class, n)).as("the failed delivery is not complete").isZero();

        incomplete.resubmitIncompletePublications(publication -> true);
        awaitNotified(TicketCreated.class, n, 1);
        assertThat(chatsAbout(n)).isEqualTo(1);
        assertThat(about(mailsTo("nt-lead3@example.test"), n)).as("the mail that went out is not sent again").hasSize(1);
    }

    @Autowired
    org.springframework.modulith.events.IncompleteEventPublications incomplete;

    private long alerts(long n) {
        return jdbc.sql("SELECT COUNT(*) FROM sla_alerts WHERE ticket_number = ?").param(n).query(Long.class).single();
    }

    private static long chatsAbout(long n) {
        return CHAT.stream().filter(c -> c.contains("#" + n + " ")).count();
    }

    private boolean clocksStored(long n) {
        return jdbc.sql("SELECT COUNT(*) FROM sla_clocks WHERE ticket_number = ?").param(n).query(Long.class).single() == 2;
    }

    /** The SLA and P1 alerts mailed to {@code address} (not the personal mails of PersonalNotificationTest). */
    private static List<MimeMessage> mailsTo(String address) {
        return Arrays.stream(SMTP.getReceivedMessages()).filter(m -> subject(m).contains("SLA") || subject(m).contains("P1"))
                .filter(m -> {
            try {
                return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equals(address));
            } catch (Exception e) {
                return false;
            }
        }).toList();
    }

    private static List<MimeMessage> about(List<MimeMessage> mails, long n) {
        return mails.stream().filter(m -> subject(m).contains("#" + n + " ")).toList();
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Waits until the notify module has handled (completed) at least {@code count} events of this type
     * about the ticket, and none is pending: whatever they were to send has been sent. Asserting after
     * this does not depend on how fast the machine is, unlike asserting after a pause.
     */
    private void awaitNotified(Class<?> type, long n, int count) throws InterruptedException {
        await(() -> notifications(type, n) >= count && handled(type, n) == notifications(type, n));
    }

    /** Publications of this event type about the ticket to the notify module's listeners. */
    private long notifications(Class<?> type, long n) {
        return jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE " + ABOUT).params(type.getName(), eventAbout(n))
                .query(Long.class).single();
    }

    /** Those of them that completed. */
    private long handled(Class<?> type, long n) {
        return jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE " + ABOUT
                        + " AND (completion_date IS NOT NULL OR status = 'COMPLETED')")
                .params(type.getName(), eventAbout(n)).query(Long.class).single();
    }

    private static final String ABOUT = "listener_id LIKE '%.notify.Notifications.%' AND event_type = ? AND serialized_event ~ ?";

    /** The ticket's number as a property of the serialized event ({@code number} or {@code ticket}). */
    private static String eventAbout(long n) {
        return "\"(number|ticket)\":" + n + "[,}]";
    }

    /** Polls a condition the application reaches asynchronously; the bound only keeps a broken run from hanging. */
    private static void await(BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 600 && !condition.getAsBoolean(); i++) {
            Thread.sleep(50);
        }
        assertThat(condition.getAsBoolean()).as("the awaited condition").isTrue();
    }
}
