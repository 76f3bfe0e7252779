package dev.maintenancedesk.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.maintenancedesk.DeskClient;
import dev.maintenancedesk.DeskTest;
import dev.maintenancedesk.tickets.TicketCommented;
import dev.maintenancedesk.tickets.TicketEdited;
import dev.maintenancedesk.tickets.TicketTransitioned;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The mails people expect, through a real SMTP server (GreenMail): the assignee on assignment and on comments,
 * the reporter on changes of state, in the recipient's language; each kind turned off from the preferences page.
 */
@DeskTest
class PersonalNotificationTest {

    static final GreenMail SMTP = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    static {
        SMTP.start();
    }

    @DynamicPropertySource
    static void endpoints(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
    }

    @AfterAll
    static void stop() {
        SMTP.stop();
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    /** A reporter files a ticket; the admin assigns it (with its type and priority), comments and triages it. */
    private long day(DeskClient reporter, String assignee) {
        DeskClient admin = DeskClient.admin(port);
        long n = reporter.post("/api/v1/tickets", "{\"title\":\"Export vide\"}").json().get("number").asLong();
        String t = "/api/v1/tickets/" + n;
        DeskClient.Response patched = admin.patch(t, DeskClient.json("{\"version\":%s,\"assignee\":%s,"
                + "\"type\":\"CORRECTIVE\",\"priority\":\"P3\"}", admin.get(t).json().get("version").asInt(), assignee));
        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        assertThat(admin.post(t + "/comments", "{\"body\":\"Je regarde\"}").status()).isEqualTo(201);
        DeskClient.Response moved = admin.post(t + "/transitions", "{\"to\":\"TRIAGED\"}");
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        return n;
    }

    @Test
    void eachKindReachesItsRecipientInTheirLanguage() throws Exception {
        DeskClient admin = DeskClient.admin(port);
        assertThat(admin.post("/api/v1/users", "{\"username\":\"pn-dev-en\",\"password\":\"pw-pn-dev-en-0123456789\","
                + "\"role\":\"DEVELOPER\",\"displayName\":\"Dana Dev\",\"email\":\"pn-dev-en@example.test\","
                + "\"language\":\"en\"}").status()).isEqualTo(201);
        DeskClient reporter = DeskClient.newUser(port, "pn-rep", "REPORTER");

        long n = day(reporter, "pn-dev-en");

        await(() -> about(mailsTo("pn-dev-en@example.test"), n).size() == 2
                && about(mailsTo("pn-rep@example.test"), n).size() == 1);
        List<String> dev = about(mailsTo("pn-dev-en@example.test"), n).stream().map(PersonalNotificationTest::subject).toList();
        assertThat(dev).containsExactlyInAnyOrder(
                "[Maintenance Desk] Ticket assigned — #" + n + " “Export vide” was assigned to you by Administrator",
                "[Maintenance Desk] New comment — #" + n + " “Export vide”: Administrator commented");
        assertThat(subject(about(mailsTo("pn-rep@example.test"), n).getFirst()))
                .isEqualTo("[Maintenance Desk] Changement d’état — #" + n + " « Export vide » : Création → Qualification,"
                        + " par Administrator");
        // the reporter did not get the assignee's mails, nor the assignee the reporter's
        awaitNotified(n);
        assertThat(about(mailsTo("pn-rep@example.test"), n)).hasSize(1);
        assertThat(about(mailsTo("pn-dev-en@example.test"), n)).hasSize(2);
    }

    @Test
    void aKindTurnedOffOnThePageSendsNothing() throws Exception {
        DeskClient.newUser(port, "pn-dev-off", "DEVELOPER");
        DeskClient.newUser(port, "pn-rep-off", "REPORTER");
        DeskClient reporter = DeskClient.withToken(port, null);
        for (String user : List.of("pn-dev-off", "pn-rep-off")) {
            DeskClient browser = DeskClient.browserLogin(port, user, "pw-" + user + "-0123456789");
            assertThat(browser.get("/profile/notifications").body()).contains("checked=\"checked\"", "un ticket m’est attribué");
            String csrf = enc(browser.csrfFrom("/profile/notifications"));
            assertThat(browser.form("/profile/notifications", "kind=NOPE&_csrf=" + csrf).status()).isEqualTo(400);
            // every box unchecked: nothing of the kinds is sent any more
            DeskClient.Response saved = browser.form("/profile/notifications", "_csrf=" + csrf);
            assertThat(saved.status()).isEqualTo(302);
            assertThat(browser.get("/profile/notifications").body()).contains("Préférences de notification enregistrées.")
                    .doesNotContain("checked=\"checked\"");
            if (user.equals("pn-rep-off")) {
                reporter = DeskClient.withToken(port, browser.createToken("tests"));
            }
        }

        long n = day(reporter, "pn-dev-off");

        awaitNotified(n); // every event of the day handled: whatever was due has been sent
        assertThat(about(mailsTo("pn-dev-off@example.test"), n)).isEmpty();
        assertThat(about(mailsTo("pn-rep-off@example.test"), n)).isEmpty();

        // turned on again, one kind at a time
        DeskClient dev = DeskClient.browserLogin(port, "pn-dev-off", "pw-pn-dev-off-0123456789");
        dev.form("/profile/notifications", "kind=COMMENTED&_csrf=" + enc(dev.csrfFrom("/profile/notifications")));
        assertThat(DeskClient.admin(port).post("/api/v1/tickets/" + n + "/comments", "{\"body\":\"Encore\"}").status())
                .isEqualTo(201);
        await(() -> about(mailsTo("pn-dev-off@example.test"), n).size() == 1);
        assertThat(subject(about(mailsTo("pn-dev-off@example.test"), n).getFirst())).contains("Nouveau commentaire");
    }

    /**
     * A write that tells nobody leaves no event publication to store and complete (the listeners' conditions):
     * the admin opening a P3 and moving it themselves; a P1, which the leads hear of, leaves one.
     */
    @Test
    void onlyWritesThatTellSomeoneArePublished() throws Exception {
        DeskClient admin = DeskClient.admin(port);
        long quiet = admin.post("/api/v1/tickets", "{\"title\":\"Quiet\",\"type\":\"CORRECTIVE\",\"priority\":\"P3\"}")
                .json().get("number").asLong();
        assertThat(admin.post("/api/v1/tickets/" + quiet + "/transitions", "{\"to\":\"TRIAGED\"}").status())
                .isEqualTo(200);
        assertThat(publications(quiet)).isZero();
        long loud = admin.post("/api/v1/tickets", "{\"title\":\"Loud\",\"type\":\"CORRECTIVE\",\"priority\":\"P1\"}")
                .json().get("number").asLong();
        assertThat(publications(loud)).isEqualTo(1);
        await(() -> handledAll(dev.maintenancedesk.tickets.TicketCreated.class, loud, 1));
    }

    private long publications(long n) {
        return jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE serialized_event ~ ?")
                .param("\"number\":" + n + "[,}]").query(Long.class).single();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /**
     * Waits until the notify module has handled every edit, comment and move of the ticket: their publications
     * were written with the requests, which have all returned, so none is missing from the count.
     */
    private void awaitNotified(long n) throws InterruptedException {
        await(() -> handledAll(TicketEdited.class, n, 1) && handledAll(TicketCommented.class, n, 1)
                && handledAll(TicketTransitioned.class, n, 1));
    }

    private boolean handledAll(Class<?> type, long n, int count) {
        String about = "listener_id LIKE '%.notify.Notifications.%' AND event_type = ? AND serialized_event ~ ?";
        String number = "\"number\":" + n + "[,}]";
        long all = jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE " + about).params(type.getName(), number)
                .query(Long.class).single();
        long done = jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE " + about
                        + " AND (completion_date IS NOT NULL OR status = 'COMPLETED')").params(type.getName(), number)
                .query(Long.class).single();
        return all >= count && done == all;
    }

    private static List<MimeMessage> mailsTo(String address) {
        return Arrays.stream(SMTP.getReceivedMessages()).filter(m -> {
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

    /** Polls a condition the application reaches asynchronously; the bound only keeps a broken run from hanging. */
    private static void await(BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 600 && !condition.getAsBoolean(); i++) {
            Thread.sleep(50);
        }
        assertThat(condition.getAsBoolean()).as("the awaited condition").isTrue();
    }
}
