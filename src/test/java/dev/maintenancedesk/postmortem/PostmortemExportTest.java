package dev.maintenancedesk.postmortem;

import static dev.maintenancedesk.DeskCli.desk;
import static org.assertj.core.api.Assertions.assertThat;

import dev.maintenancedesk.DeskCli.Result;
import dev.maintenancedesk.DeskClient;
import dev.maintenancedesk.DeskClient.Response;
import dev.maintenancedesk.DeskTest;
import dev.maintenancedesk.MutableClock;
import dev.maintenancedesk.TestDatabase;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The export is Markdown in the plan's language, the plan's section-14 sections in order with their values,
 * named YYYY-MM-DD-slug.md: the same file from the API, the page's download and {@code desk postmortem
 * export}, which answers 2 and one line for an unknown ticket or one without a post-mortem. The page shows
 * refusals next to their form, in French.
 */
@DeskTest
class PostmortemExportTest {

    static final MutableClock CLOCK = new MutableClock(OffsetDateTime.parse("2026-03-10T16:00:00+01:00").toInstant());

    @TestConfiguration
    static class PinnedTime {
        @Bean
        @Primary
        Clock testClock() {
            return CLOCK;
        }
    }

    @LocalServerPort
    int port;

    @TempDir
    Path out;

    @AfterEach
    void forget() {
        System.clearProperty("DESK_DATABASE_URL");
    }

    @Test
    void theExportHoldsThePlansSectionsInOrderWithTheirValuesFromTheApiThePageAndTheCli() throws Exception {
        CLOCK.set(OffsetDateTime.parse("2026-03-10T16:00:00+01:00").toInstant());
        DeskClient admin = DeskClient.admin(port);
        long n = PostmortemRecurrenceTest.incident(admin, "Paiements refusés (prod)");
        String pm = "/api/v1/tickets/" + n + "/postmortem";
        CLOCK.set(OffsetDateTime.parse("2026-03-10T17:45:00+01:00").toInstant());
        assertThat(admin.send("PUT", pm + "/impact", "{\"startedAt\":\"2026-03-10T15:50\",\"detectedAt\":\"2026-03-10T16:00\","
                + "\"endedAt\":\"2026-03-10T17:30\",\"usersAffected\":\"1200\"}").status()).isEqualTo(200);
        admin.send("PUT", pm, "{\"sections\":{\"immediate_actions\":\"Rollback de la 2.3.1\","
                + "\"lessons\":\"Tester la charge avant chaque release\"}}");
        long cause = admin.post(pm + "/causes", "{\"title\":\"Pool de connexions trop petit\",\"category\":\"configuration\"}")
                .json().get("id").asLong();
        Response fix = admin.post(pm + "/actions", "{\"title\":\"Dimensionner le pool\",\"owner\":\"admin\","
                + "\"dueOn\":\"2027-12-31\",\"causeId\":" + cause + "}");
        assertThat(fix.status()).as(fix.toString()).isEqualTo(201);
        long f = fix.json().get("ticket").asLong();

        Response export = admin.get(pm + "/export");
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.contentType()).startsWith("text/markdown");
        assertThat(export.header("Content-Disposition")).contains("2026-03-10-paiements-refuses-prod.md");
        String md = export.body();
        assertThat(md).startsWith("# Post-mortem — #" + n + " « Paiements refusés (prod) »\n");
        List<String> headings = List.of("## Chronologie", "## Impact", "## Cause racine", "## Actions immédiates",
                "## Correctifs long terme", "## Leçons / prévention");
        int previous = -1;
        for (String heading : headings) {
            int at = md.indexOf("\n" + heading + "\n");
            assertThat(at).as(heading).isGreaterThan(previous);
            previous = at;
        }
        assertThat(section(md, "## Chronologie")).contains("| Heure (Europe/Paris) | Source | Événement |")
                .contains("| 2026-03-10 16:00 | Ticket | Ticket ouvert par admin |");
        assertThat(section(md, "## Impact")).contains("- Début : 2026-03-10 15:50", "- Détection : 2026-03-10 16:00",
                "- Fin : 2026-03-10 17:30", "- Durée : 1 h 40 min", "- Utilisateurs touchés : 1200");
        assertThat(section(md, "## Cause racine")).contains("- Pool de connexions trop petit (Configuration, ouverte)");
        assertThat(section(md, "## Actions immédiates")).contains("Rollback de la 2.3.1");
        assertThat(section(md, "## Correctifs long terme"))
                .contains("| #" + f + " | Dimensionner le pool | Corrective | admin | 2027-12-31 | Création |");
        assertThat(section(md, "## Leçons / prévention")).contains("Tester la charge avant chaque release");

        // The page's download is the same file.
        DeskClient browser = DeskClient.browserLogin(port, "admin", DeskTest.ADMIN_PASSWORD);
        Response download = browser.get("/tickets/" + n + "/postmortem/export");
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(md);

        // The CLI writes it under --out, and refuses in one line what it cannot export.
        System.setProperty("DESK_DATABASE_URL", TestDatabase.url());
        Result cli = desk("postmortem", "export", String.valueOf(n), "--out", out.toString());
        assertThat(cli.code()).as(cli.err()).isZero();
        Path file = out.resolve("2026-03-10-paiements-refuses-prod.md");
        assertThat(cli.out().strip()).isEqualTo(file.toString());
        assertThat(Files.readString(file)).isEqualTo(md);

        Result unknown = desk("postmortem", "export", "999999999", "--out", out.toString());
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err().strip()).isEqualTo("desk: There is no ticket #999999999.");
        long plain = PostmortemRecurrenceTest.incident(admin, "Sans post-mortem");
        Result none = desk("postmortem", "export", String.valueOf(plain), "--out", out.toString());
        assertThat(none.code()).isEqualTo(2);
        assertThat(none.err().strip()).isEqualTo("desk: Ticket #" + plain + " has no post-mortem yet.");
        assertThat(admin.get("/api/v1/tickets/" + plain + "/postmortem/export").status()).isEqualTo(404);
    }

    @Test
    void thePageShowsRefusalsNextToTheirFormInFrenchAndWritesNothing() {
        CLOCK.set(OffsetDateTime.parse("2026-03-12T10:00:00+01:00").toInstant());
        DeskClient admin = DeskClient.admin(port);
        long n = PostmortemRecurrenceTest.incident(admin, "Formulaires");
        DeskClient browser = DeskClient.browserLogin(port, "admin", DeskTest.ADMIN_PASSWORD);
        String page = browser.get("/tickets/" + n + "/postmortem").body();
        assertThat(page).contains("Chronologie").contains("Ticket ouvert par admin").contains("Causes racines");
        String csrf = csrf(page);

        Response reversed = browser.form("/tickets/" + n + "/postmortem/impact", "_csrf=" + csrf
                + "&startedAt=2026-03-12T09:00&detectedAt=&endedAt=2026-03-12T08:00&usersAffected=");
        assertThat(reversed.status()).isEqualTo(302);
        assertThat(reversed.header("Location")).endsWith("/tickets/" + n + "/postmortem#impact");
        String refused = browser.get("/tickets/" + n + "/postmortem").body();
        String impact = refused.substring(refused.indexOf("id=\"impact\""), refused.indexOf("id=\"chronology\""));
        assertThat(impact).contains("Valeurs refusées.").contains("data-field=\"endedAt\"").contains("Fin")
                .contains("ne peut pas précéder le début").contains("value=\"2026-03-12T08:00\"");
        assertThat(admin.get("/api/v1/tickets/" + n + "/postmortem").json().get("impact").get("endedAt").isNull()).isTrue();

        browser.form("/tickets/" + n + "/postmortem/causes", "_csrf=" + csrf + "&causeId=424242");
        String unknown = browser.get("/tickets/" + n + "/postmortem").body();
        assertThat(unknown.substring(unknown.indexOf("id=\"causes\""), unknown.indexOf("id=\"actions\"")))
                .contains("cause racine inconnue « 424242 »");
        browser.form("/tickets/" + n + "/postmortem/causes/new", "_csrf=" + csrf + "&title=&category=CODE");
        assertThat(browser.get("/tickets/" + n + "/postmortem").body()).contains("ce champ est obligatoire");
        assertThat(admin.get("/api/v1/tickets/" + n + "/postmortem").json().get("causes").size()).isZero();

        // A reporter reads it, without forms; writing is refused.
        DeskClient.newUser(port, "pme-reporter", "REPORTER");
        DeskClient reporter = DeskClient.browserLogin(port, "pme-reporter", "pw-pme-reporter-0123456789");
        Response read = reporter.get("/tickets/" + n + "/postmortem?lang=en");
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body()).contains("Read only").contains("Timeline").doesNotContain("name=\"startedAt\"");
        assertThat(DeskClient.withToken(port, reporter.createToken("pm")).send("PUT", "/api/v1/tickets/" + n
                + "/postmortem/impact", "{\"startedAt\":\"2026-03-12T09:00\"}").status()).isEqualTo(403);

        // The ticket page sums the post-mortem up and links to its page.
        String ticket = browser.get("/tickets/" + n).body();
        assertThat(ticket).contains("Sections rédigées : 0 sur 6").contains("href=\"/tickets/" + n + "/postmortem\"")
                .doesNotContain("name=\"section.timeline\"");
    }

    private static String section(String md, String heading) {
        int start = md.indexOf("\n" + heading + "\n");
        int end = md.indexOf("\n## ", start + 1);
        return md.substring(start, end < 0 ? md.length() : end);
    }

    private static String csrf(String page) {
        var m = java.util.regex.Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page);
        assertThat(m.find()).isTrue();
        return URLEncoder.encode(m.group(1), StandardCharsets.UTF_8);
    }

}
