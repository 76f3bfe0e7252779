package dev.maintenancedesk.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maintenancedesk.DeskClient;
import dev.maintenancedesk.DeskTest;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 5's acceptance, in headless Chromium over real HTTP: the daily workflow of a developer from an
 * incident to review, English and time zones, a script in a description, and what a reporter sees.
 * Each test saves screenshots of the pages it goes through under target/screenshots/.
 */
@DeskTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DailyWorkflowBrowserTest {

    static final String DEV = "ui-dev";
    static final String REPORTER = "ui-reporter";

    @LocalServerPort
    int port;

    DeskClient dev;
    DeskClient reporter;

    @BeforeAll
    void users() {
        dev = DeskClient.newUser(port, DEV, "DEVELOPER");
        reporter = DeskClient.newUser(port, REPORTER, "REPORTER");
    }

    static String password(String user) {
        return "pw-" + user + "-0123456789";   // the password DeskClient.newUser gives
    }

    @Test
    void developerTakesAnIncidentFromCreationToReview() {
        try (Browser b = Browser.open(port)) {
            b.logIn(DEV, password(DEV));

            // Create from the incident template; leaving required fields blank names each one inline.
            b.get("/tickets/new");
            b.screenshot("create-choose");
            b.submit(b.find("a[data-template=incident]"));
            b.find("#title").sendKeys("Paiements refusés en production");
            b.submit(b.find("form.ticket-form button[type=submit]"));
            assertThat(b.find("#form-errors").isDisplayed()).isTrue();
            assertThat(b.all(".field.invalid textarea")).extracting(e -> e.getAttribute("name"))
                    .containsExactly("field.impact", "field.started_at", "field.affected_service");
            assertThat(b.text("#field-impact-error")).isEqualTo("Ce champ est obligatoire.");
            assertThat(b.find("#title").getAttribute("value")).isEqualTo("Paiements refusés en production");
            b.find("#field-impact").sendKeys("Aucun paiement ne passe.");
            b.find("#field-started_at").sendKeys("10/03/2026 16:30");
            b.find("#field-affected_service").sendKeys("API paiements");
            b.screenshot("create");
            b.submit(b.find("form.ticket-form button[type=submit]"));
            assertThat(b.driver.getCurrentUrl()).matches(".*/tickets/\\d+$");
            String ticketPath = b.driver.getCurrentUrl().replaceAll("^https?://[^/]+", "");
            assertThat(b.text("h1")).isEqualTo("Paiements refusés en production");
            assertThat(b.text("#description")).contains("Impact").contains("Aucun paiement ne passe.");
            assertThat(b.text(".ticket-ref .state")).isEqualTo("Création");

            // Triage it P1, then assign it.
            new Select(b.find("#e-priority")).selectByValue("P1");
            b.submit(b.find("form.edit-form button[type=submit]"));
            assertThat(b.text(".ticket-ref .priority")).contains("P1");
            move(b, "TRIAGED");
            assertThat(b.text(".ticket-ref .state")).isEqualTo("Qualification");

            // Both SLA clocks, with the P1 targets of the plan and their deadlines in the viewer's zone.
            WebElement takeCharge = b.find("#sla .clock[data-clock=TAKE_CHARGE]");
            WebElement resolution = b.find("#sla .clock[data-clock=RESOLUTION]");
            assertThat(takeCharge.getAttribute("data-target")).isEqualTo("1h");
            assertThat(resolution.getAttribute("data-target")).isEqualTo("3h");
            assertThat(takeCharge.findElement(By.cssSelector("h3")).getText()).isEqualTo("Prise en compte");
            assertThat(resolution.findElement(By.cssSelector("h3")).getText()).isEqualTo("Correction");
            assertThat(takeCharge.findElement(By.cssSelector(".target")).getText()).isEqualTo("1 h (temps ouvré)");
            assertThat(resolution.findElement(By.cssSelector(".target")).getText()).isEqualTo("3 h (temps ouvré)");
            for (WebElement clock : List.of(takeCharge, resolution)) {
                assertThat(clock.getAttribute("data-state")).isIn("running", "at-risk", "breached");
                assertThat(clock.findElement(By.cssSelector(".deadline")).getText())
                        .matches("\\d\\d/\\d\\d/\\d{4} \\d\\d:\\d\\d \\(Europe/Paris\\)");
                assertThat(clock.findElement(By.cssSelector(".left")).getText()).containsPattern("Reste .* de temps ouvré|de temps ouvré écoulé|Dépassé de");
                assertThat(clock.findElements(By.cssSelector("progress"))).hasSize(1);
            }
            OffsetDateTime takeChargeDue = deadline(takeCharge);
            OffsetDateTime resolutionDue = deadline(resolution);
            assertThat(resolutionDue).isAfter(takeChargeDue);
            assertThat(b.find("#sla").getAttribute("hx-trigger")).isEqualTo("every 30s");
            b.screenshot("ticket-triaged");
            new Select(b.find("#e-assignee")).selectByValue(DEV);
            b.submit(b.find("form.edit-form button[type=submit]"));
            assertThat(b.text("#assignee")).isEqualTo(DEV);
            move(b, "ASSIGNED");
            assertThat(b.find("#sla .clock[data-clock=TAKE_CHARGE]").getAttribute("data-state")).isIn("met", "breached");
            move(b, "IN_PROGRESS");
            assertThat(b.text(".ticket-ref .state")).isEqualTo("Implémentation");

            // To review without a pull request: the page lists what is missing, and so does the refusal.
            assertThat(b.all("li[data-move=IN_REVIEW] .unmet li")).extracting(e -> e.getAttribute("data-requirement"))
                    .containsExactly("pull_request", "test_evidence");
            move(b, "IN_REVIEW");
            assertThat(b.text(".ticket-ref .state")).isEqualTo("Implémentation");
            WebElement refusal = b.find("#workflow .alert-error");
            assertThat(refusal.getText()).contains("Le workflow refuse cette transition.")
                    .contains("une pull request liée").contains("une preuve de test");

            // Link a pull request and give test evidence, then move on.
            new Select(b.find("#link-kind")).selectByValue("PULL_REQUEST");
            b.find("#link-target").sendKeys("https://github.com/cesizen/api/pull/42");
            b.submit(b.find("form.add-link button[type=submit]"));
            assertThat(b.text("#links .links")).contains("https://github.com/cesizen/api/pull/42");
            b.find("#e-evidence").sendKeys("Test de non-régression ajouté, CI verte.");
            b.submit(b.find("form.edit-form button[type=submit]"));
            assertThat(b.text("#test-evidence")).isEqualTo("Test de non-régression ajouté, CI verte.");
            move(b, "IN_REVIEW");
            assertThat(b.text(".ticket-ref .state")).isEqualTo("Revue");
            assertThat(b.all("#workflow .alert-error")).isEmpty();
            // The history is folded (it comes last on a phone): open it to read it.
            assertThat(b.find("#history details").getAttribute("open")).isNull();
            b.find("#history summary").click();
            assertThat(b.text("#history")).contains("Implémentation").contains("Revue");
            b.screenshot("ticket-in-review");

            // English is one click away, and stays chosen.
            b.submit(b.find("nav.languages a[hreflang=en]"));
            assertThat(b.find("html").getAttribute("lang")).isEqualTo("en");
            assertThat(b.text(".ticket-ref .state")).isEqualTo("In review");
            assertThat(b.text("#h-history")).isEqualTo("History");
            b.get("/tickets");
            assertThat(b.text("h1")).isEqualTo("Tickets");
            assertThat(b.find("form.filters button[type=submit]").getText()).isEqualTo("Filter");
            b.get("/?lang=fr");

            // A time zone of their own changes every displayed time, and names the zone.
            b.get(ticketPath);
            String paris = b.text(".meta time");
            assertThat(paris).contains("(Europe/Paris)");
            b.get("/profile");
            new Select(b.find("#timeZone")).selectByValue("America/New_York");
            b.submit(b.find("form.profile-form button[type=submit]"));
            assertThat(b.find("[role=status]").getText()).isEqualTo("Profil enregistré.");
            b.get(ticketPath);
            String newYork = b.text(".meta time");
            assertThat(newYork).contains("(America/New_York)").isNotEqualTo(paris);
            assertThat(b.find(".meta time").getAttribute("datetime")).matches(".*-0[45]:00$");
            assertThat(b.text("#history")).contains("America/New_York");
            assertThat(b.text("#sla .clock[data-clock=RESOLUTION] .deadline")).endsWith("(America/New_York)");
            assertThat(deadline(b.find("#sla .clock[data-clock=RESOLUTION]"))).isAtSameInstantAs(resolutionDue);
            b.get("/tickets");
            assertThat(b.text("table.tickets caption")).contains("America/New_York");
            assertThat(b.all("table.tickets tbody tr .sla-badge")).isNotEmpty();
            // The caption names the zone once; a row's time names it only in its tooltip.
            WebElement created = b.find("table.tickets tbody tr time");
            assertThat(created.getText()).matches("\\d\\d/\\d\\d/\\d{4} \\d\\d:\\d\\d");
            assertThat(created.getAttribute("title")).isEqualTo(created.getText() + " (America/New_York)");
            // and the list fits a 1280-pixel screen
            Object listWidth = ((org.openqa.selenium.JavascriptExecutor) b.driver)
                    .executeScript("return document.documentElement.scrollWidth");
            assertThat(((Number) listWidth).intValue()).isLessThanOrEqualTo(1280);
            b.screenshot("list");
            b.phoneScreenshot("list-phone");

            // Home: the open P1 in the banner, and in "my tickets" with its SLA badge.
            b.get("/");
            assertThat(b.text(".banner-p1")).contains("P1").contains("Paiements refusés en production");
            assertThat(b.find(".banner-p1 a[href='" + ticketPath + "']").isDisplayed()).isTrue();
            WebElement mine = b.find(".home-mine a[href='" + ticketPath + "']");
            assertThat(mine.getText()).isNotEmpty();
            assertThat(b.all(".home-mine .sla-badge")).isNotEmpty();
            assertThat(b.all("#release-windows dd[data-release]")).hasSize(3);
            b.screenshot("home");
            b.phoneScreenshot("home-phone");

            b.get("/board");
            assertThat(b.all(".column")).hasSize(9);   // the board's own tests: BoardBrowserTest
            b.get("/plan");
            assertThat(b.all(".plan-document table")).isNotEmpty();
            b.screenshot("plan");
            b.get("/profile");
            b.screenshot("profile");
        }
    }

    @Test
    void aScriptInADescriptionIsNeitherRunNorInThePage() {
        String description = "Voir ci-dessous.\n\n<script>document.title='pwned';"
                + "var e=document.createElement('div');e.id='injected';document.body.appendChild(e);</script>\n\n"
                + "<img src=\"x\" onerror=\"document.title='pwned-img'\">\n\n**gras**";
        long number = dev.post("/api/v1/tickets", DeskClient.json("{\"title\":%s,\"description\":%s}",
                "Injection <script>alert(1)</script>", description)).json().get("number").asLong();
        try (Browser b = Browser.open(port)) {
            b.logIn(DEV, password(DEV));
            b.get("/tickets/" + number);
            assertThat(b.driver.getTitle()).doesNotContain("pwned").startsWith("#" + number);
            assertThat(b.all("#injected")).isEmpty();
            assertThat(b.all("#description script")).isEmpty();
            assertThat(b.all("#description [onerror]")).isEmpty();
            assertThat(b.all("#description strong")).extracting(WebElement::getText).containsExactly("gras");
            assertThat(b.text("h1")).isEqualTo("Injection <script>alert(1)</script>");
            Object scripts = ((JavascriptExecutor) b.driver).executeScript(
                    "return Array.from(document.scripts).map(s => s.src || 'inline')");
            assertThat((List<?>) scripts).allSatisfy(s -> assertThat(s.toString()).matches(".*/(htmx\\.min|js/desk)\\.js"));
        }
    }

    @Test
    void aReporterDoesNotSeeTheMovesADeveloperSees() {
        long number = reporter.post("/api/v1/tickets", DeskClient.json("{\"title\":%s,\"type\":\"CORRECTIVE\",\"priority\":\"P3\"}",
                "Bouton illisible")).json().get("number").asLong();
        try (Browser b = Browser.open(port)) {
            b.logIn(DEV, password(DEV));
            b.get("/tickets/" + number);
            assertThat(b.all("#workflow li[data-move] button")).extracting(WebElement::getText)
                    .contains("Qualifier");
            assertThat(b.all("form.edit-form")).hasSize(1);
        }
        try (Browser b = Browser.open(port)) {
            b.logIn(REPORTER, password(REPORTER));
            b.get("/tickets/" + number);
            assertThat(b.text("h1")).isEqualTo("Bouton illisible");
            assertThat(b.all("#workflow button")).isEmpty();
            assertThat(b.text("#workflow")).contains("Aucune transition ne vous est possible");
            // Their own ticket (issue 9): they edit its title, description and labels, and nothing else.
            assertThat(b.all("form.edit-form")).hasSize(1);
            assertThat(b.all("form.edit-form :is(input, select, textarea):not([type=hidden])"))
                    .extracting(e -> e.getAttribute("name")).containsOnly("title", "labels", "description")
                    .contains("title", "labels", "description");
            assertThat(b.all("form.add-link")).isEmpty();
            assertThat(b.all("#comment-body")).hasSize(1);   // their own ticket: they may comment
            b.get("/board");
            assertThat(b.all("#card-" + number + " form.card-move")).isEmpty();
            b.get("/admin/users");
            assertThat(b.text("h1")).isEqualTo("Accès refusé");
        }
    }

    @Test
    void theClocksFragmentIsReloadedInPlaceByHtmx() {
        long number = dev.post("/api/v1/tickets", DeskClient.json("{\"title\":%s,\"type\":\"CORRECTIVE\",\"priority\":\"P2\"}",
                "Horloges rechargées")).json().get("number").asLong();
        try (Browser b = Browser.open(port)) {
            b.logIn(DEV, password(DEV));
            b.get("/tickets/" + number);
            WebElement sla = b.find("#sla");
            assertThat(sla.getAttribute("hx-get")).isEqualTo("/tickets/" + number + "/sla");
            assertThat(sla.getAttribute("hx-trigger")).isEqualTo("every 30s");
            assertThat(sla.getAttribute("hx-swap")).isEqualTo("outerHTML");
            assertThat(b.all("#sla .clock[data-state=paused]")).isEmpty();

            // The ticket changes elsewhere; the next poll (triggered now rather than in 30 s) shows it.
            assertThat(dev.post("/api/v1/tickets/" + number + "/transitions",
                    "{\"to\":\"WAITING\",\"reason\":\"Attente du fournisseur\"}").status()).isEqualTo(200);
            ((JavascriptExecutor) b.driver).executeScript(
                    "htmx.ajax('GET', arguments[0], {target: '#sla', swap: 'outerHTML'})", "/tickets/" + number + "/sla");
            new WebDriverWait(b.driver, Duration.ofSeconds(10))
                    .until(d -> d.findElements(By.cssSelector("#sla .clock[data-state=paused]")).size() == 2);
            assertThat(b.find("#sla").getAttribute("hx-trigger")).as("still polling after the swap").isEqualTo("every 30s");
            assertThat(b.all("#sla")).hasSize(1);
            assertThat(b.text("#sla .clock[data-clock=RESOLUTION]")).contains("Échéance si reprise maintenant");
            b.screenshot("ticket-paused");

            // Session gone (expired, logged out elsewhere): the poll's redirect to the login page is not
            // swapped into the ticket page; the page reloads and shows the login page as a page.
            b.driver.manage().deleteAllCookies();
            ((JavascriptExecutor) b.driver).executeScript(
                    "htmx.ajax('GET', arguments[0], {target: '#sla', swap: 'outerHTML'})", "/tickets/" + number + "/sla");
            new WebDriverWait(b.driver, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("/login"));
            assertThat(b.all("#sla")).isEmpty();
            assertThat(b.all("#username")).hasSize(1);
        }
    }

    private static OffsetDateTime deadline(WebElement clock) {
        return OffsetDateTime.parse(clock.findElement(By.cssSelector(".deadline time")).getAttribute("datetime"));
    }

    private static void move(Browser b, String to) {
        b.submit(b.find("li[data-move=" + to + "] button[type=submit]"));
    }
}
