package dev.maintenancedesk.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maintenancedesk.DeskClient;
import dev.maintenancedesk.DeskTest;
import dev.maintenancedesk.MutableClock;
import dev.maintenancedesk.TestDatabase;
import dev.maintenancedesk.preventive.PreventiveCalendar;
import dev.maintenancedesk.preventive.PreventiveCalendar.RunLine;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;

/**
 * The preventive calendar page: the next twelve months in words and dates, the opened periods with their ticket
 * and status, evidence recorded from the page (refused inline when incomplete), and closing a preventive ticket
 * only once its evidence is recorded; French first, English with ?lang=en.
 */
@DeskTest
@ContextConfiguration(initializers = PreventiveCalendarBrowserTest.OwnDatabase.class)
@DirtiesContext
class PreventiveCalendarBrowserTest {

    /** Thursday 5 November 2026, 10:00 in Paris. */
    static final MutableClock CLOCK = new MutableClock(OffsetDateTime.parse("2026-11-05T10:00:00+01:00").toInstant());

    static final class OwnDatabase extends TestDatabase.Own {
        OwnDatabase() {
            super("_prev_page");
        }
    }

    @TestConfiguration
    static class PinnedTime {
        @Bean
        @Primary
        Clock preventivePageClock() {
            return CLOCK;
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    PreventiveCalendar calendar;

    Map<String, Long> tickets;

    @BeforeEach
    void opened() {
        tickets = calendar.run().stream().collect(Collectors.toMap(RunLine::actionKey, RunLine::ticketNumber));
    }

    @Test
    void closingNeedsEvidenceAndThePageShowsTheCalendar() throws java.io.IOException {
        DeskClient admin = DeskClient.admin(port);
        long deps = tickets.get("dependency_updates");
        walkToMerged(admin, deps);
        DeskClient.Response refused = admin.post("/api/v1/tickets/" + deps + "/transitions", "{\"to\":\"CLOSED\"}");
        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.body()).contains("preventive.evidence");

        DeskClient.Response noTime = admin.send("PUT", "/api/v1/preventive/backup_restore_test/2026-Q4/evidence",
                "{\"report\":\"verify OK\"}");
        assertThat(noTime.status()).as(noTime.toString()).isEqualTo(400);
        assertThat(noTime.body()).contains("restoreMinutes");
        DeskClient.Response unknown = admin.send("PUT", "/api/v1/preventive/dependency_updates/1999-01/evidence",
                "{\"report\":\"x\"}");
        assertThat(unknown.status()).isEqualTo(404);
        DeskClient.Response evidence = admin.send("PUT", "/api/v1/preventive/dependency_updates/2026-11/evidence",
                "{\"report\":\"Django 5.2.8, DRF 3.16.1; CI green\"}");
        assertThat(evidence.status()).as(evidence.toString()).isEqualTo(200);
        DeskClient.Response closed = admin.post("/api/v1/tickets/" + deps + "/transitions", "{\"to\":\"CLOSED\"}");
        assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
        assertThat(calendar.dueBetween(java.time.LocalDate.of(2026, 11, 1), java.time.LocalDate.of(2026, 12, 1)))
                .filteredOn(o -> o.actionKey().equals("dependency_updates")).singleElement()
                .satisfies(o -> assertThat(o.doneOnTime()).isTrue());
        DeskClient.Response list = admin.get("/api/v1/preventive");
        assertThat(list.body()).contains("\"status\":\"DONE_ON_TIME\"", "\"status\":\"OVERDUE\"", "\"status\":\"OPEN\"");

        try (Browser b = Browser.open(port)) {
            b.logIn("admin", DeskTest.ADMIN_PASSWORD);
            b.get("/preventive");
            assertThat(b.find("nav.main-nav a[aria-current=page]").getText()).isEqualTo("Préventif");
            assertThat(b.text("h1")).isEqualTo("Calendrier préventif");
            assertThat(b.text("table.preventive-actions")).contains("Revue RGPD", "Semestrielle : le 1er janvier et juillet",
                    "15 jours ouvrés", "Mesurer et noter la durée de restauration").doesNotContain("FREQ=");
            List<WebElement> upcoming = b.all("table.preventive-upcoming tbody tr");
            // December to November: 12 months × 4 monthly actions, 4 restore tests, 2 × 2 half-yearly reviews
            assertThat(upcoming).hasSize(48 + 4 + 4);
            assertThat(upcoming.getFirst().getText()).contains("mardi 1 décembre 2026", "Mise à jour dépendances", "2026-12",
                    "lundi 14 décembre 2026, 18:00");
            assertThat(upcoming.getLast().getText()).contains("lundi 1 novembre 2027", "Consolidation de la veille", "lundi 8 novembre 2027, 18:00");
            assertThat(b.text("#dependency_updates-2026-11")).contains("#" + deps, "Fait à temps",
                    "Django 5.2.8, DRF 3.16.1; CI green", "Consignée par admin");
            assertThat(b.text("#backup_restore_test-2026-Q4")).contains("En retard", "Aucune preuve");
            assertThat(b.text("#library_security_review-2026-11")).contains("En cours");
            assertThat(b.find("#dependency_updates-2026-11 a").getAttribute("href")).endsWith("/tickets/" + deps);

            // the restore test's evidence without its restore time: refused inline, the report kept
            b.find("#backup_restore_test-2026-Q4 details summary").click();
            b.find("#report-backup_restore_test-2026-Q4").sendKeys("desk backup verify: 12 tables, 0 errors");
            b.submit(b.find("#backup_restore_test-2026-Q4 form button[type=submit]"));
            assertThat(b.find("#backup_restore_test-2026-Q4 details").getAttribute("open")).isNotNull();
            assertThat(b.text("#backup_restore_test-2026-Q4 .field.invalid .error")).isEqualTo("ce champ est obligatoire");
            assertThat(b.find("#report-backup_restore_test-2026-Q4").getAttribute("value")).contains("12 tables");
            b.screenshot("preventive-evidence-refused");
            java.nio.file.Files.write(Browser.SCREENSHOTS.resolve("preventive-evidence-refused-row.png"),
                    b.find("#backup_restore_test-2026-Q4").getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
            b.find("#minutes-backup_restore_test-2026-Q4").sendKeys("42");
            b.submit(b.find("#backup_restore_test-2026-Q4 form button[type=submit]"));
            assertThat(b.text("[role=status]")).isEqualTo("Preuve enregistrée pour backup_restore_test 2026-Q4.");
            assertThat(b.text("#backup_restore_test-2026-Q4")).contains("desk backup verify: 12 tables, 0 errors",
                    "Restauration mesurée : 42 min");
            b.screenshot("preventive-calendar-fr");

            b.get("/preventive?lang=en");
            assertThat(b.text("h1")).isEqualTo("Preventive calendar");
            assertThat(b.text("table.preventive-actions")).contains("Monthly: on the 1st of every month", "10 business days");
            assertThat(b.all("table.preventive-upcoming tbody tr").getFirst().getText())
                    .contains("Tuesday 1 December 2026", "Dependency updates");
            assertThat(b.text("#dependency_updates-2026-11")).contains("Done on time");
            assertThat(b.text("#backup_restore_test-2026-Q4")).contains("Overdue", "Measured restore: 42 min");
            b.screenshot("preventive-calendar-en");
            b.phoneScreenshot("preventive-calendar-phone");
        }
    }

    /** Priority, assignee, a merged pull request, test evidence and a release note: all the workflow asks. */
    private static void walkToMerged(DeskClient admin, long n) {
        patch(admin, n, "{\"priority\":\"P3\",\"assignee\":\"admin\"}");
        admin.post("/api/v1/tickets/" + n + "/links",
                "{\"kind\":\"PULL_REQUEST\",\"target\":\"https://github.com/cesizen/api/pull/" + n + "\",\"merged\":true}");
        patch(admin, n, "{\"testEvidence\":\"CI run " + n + "\",\"releaseNote\":\"Dependencies updated (#" + n + ")\"}");
        for (String to : List.of("TRIAGED", "ASSIGNED", "IN_PROGRESS", "IN_REVIEW", "MERGED")) {
            DeskClient.Response r = admin.post("/api/v1/tickets/" + n + "/transitions", "{\"to\":\"" + to + "\"}");
            assertThat(r.status()).as("#%s → %s: %s", n, to, r).isEqualTo(200);
        }
    }

    private static void patch(DeskClient admin, long n, String fields) {
        int version = admin.get("/api/v1/tickets/" + n).json().get("version").asInt();
        DeskClient.Response r = admin.patch("/api/v1/tickets/" + n, "{\"version\":" + version + "," + fields.substring(1));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
    }
}
