package dev.maintenancedesk.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maintenancedesk.DeskTest;
import dev.maintenancedesk.watch.WatchFixtures;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * The watch's pages in Chromium: the sources page shows each source's state — the failing ones with their error,
 * the one that asked us to wait with its Retry-After — and the product's dependency files; the month digest
 * is reached from the navigation's "Veille" link.
 */
@DeskTest
class WatchBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;

    @Test
    void theSourcesPageShowsWhatFailedAndWhy() {
        try (WatchFixtures fixtures = new WatchFixtures()) {
            fixtures.run(context);
        }
        try (Browser b = Browser.open(port)) {
            b.logIn("admin", DeskTest.ADMIN_PASSWORD);
            b.get("/");
            b.submit(b.all("nav.main-nav a").stream().filter(a -> a.getText().equals("Veille")).findFirst().orElseThrow());
            assertThat(b.driver.getCurrentUrl()).endsWith("/watch");
            assertThat(b.find("nav.main-nav a[aria-current=page]").getText()).isEqualTo("Veille");
            b.submit(b.find(".watch-tabs a[href='/watch/sources']"));

            assertThat(b.text("h1")).isEqualTo("Sources de veille");
            List<WebElement> rows = b.all("table.watch-sources tbody tr");
            assertThat(rows).extracting(r -> r.findElement(org.openqa.selenium.By.tagName("strong")).getText())
                    .containsExactly("Django releases", "DRF", "OWASP", "Postgres", "CVE feed", "CVE feed");
            assertThat(b.text("#source-django .watch-state")).isEqualTo("OK");
            assertThat(b.text("#source-django td:last-child")).isEqualTo("2");
            assertThat(b.text("#source-owasp .watch-state")).isEqualTo("En échec");
            assertThat(b.text("#source-owasp .watch-error")).startsWith("Ce n’est pas un flux RSS ou Atom (");
            assertThat(b.find("#source-owasp .watch-error").getAttribute("title")).startsWith("not an RSS or Atom feed");
            assertThat(b.text("#source-postgres .watch-error")).isEqualTo("HTTP 429 : le serveur est surchargé.");
            assertThat(b.text("#source-postgres")).contains("Le serveur demande d’attendre : nouvel essai après");
            assertThat(b.text("#source-cve .watch-error")).isEqualTo("Le serveur a répondu HTTP 500.");
            assertThat(b.text("#source-cve")).contains("API CVE du NVD", "jamais");
            assertThat(b.text("#source-osv")).contains("base OSV", "OK");
            assertThat(b.find("#source-owasp").getAttribute("class")).contains("failing");
            assertThat(b.text("#dependencies")).contains("requirements.txt", "Aucun dépôt du produit configuré");
            b.screenshot("watch-sources");

            // on a phone the table becomes one block per source, each value under its column's name
            b.driver.manage().window().setSize(new org.openqa.selenium.Dimension(390, 900));
            b.get("/watch/sources");
            assertThat(((Number) ((org.openqa.selenium.JavascriptExecutor) b.driver).executeScript(
                    "return document.documentElement.scrollWidth")).intValue()).isLessThanOrEqualTo(390);
            b.screenshot("watch-sources-phone");
            b.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1000));

            b.get("/watch?month=2024-09");
            assertThat(b.text("h1")).isEqualTo("Veille 2024-09");
            assertThat(b.text("#source-django")).contains("Django releases (2)", "Django security releases issued: 5.1.1, 5.0.9, and 4.2.16");
            assertThat(b.text(".alert-warning")).contains("3 sources en échec");
            b.screenshot("watch-digest");
        }
    }
}
