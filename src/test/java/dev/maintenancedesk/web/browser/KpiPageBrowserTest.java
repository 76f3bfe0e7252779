package dev.maintenancedesk.web.browser;

import static dev.maintenancedesk.DeskClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.maintenancedesk.DeskClient;
import dev.maintenancedesk.DeskTest;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * {@code /kpis} in Chromium: a Chart.js chart per series (served from the jar), the status colours and
 * n on every point, the conformance report of a month; and the same figures as tables without JavaScript.
 */
@DeskTest
class KpiPageBrowserTest {

    @LocalServerPort
    int port;

    @Test
    void theChartsDrawAndTheTablesCarryEveryFigure() {
        DeskClient admin = DeskClient.admin(port);
        OffsetDateTime now = OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS);
        for (String status : List.of("success", "success", "failure")) {
            assertThat(admin.post("/api/v1/deployments", json("{\"environment\":\"production\",\"version\":\"2.0.0\","
                    + "\"status\":%s,\"startedAt\":%s,\"finishedAt\":%s}", status, now.minusMinutes(20).toString(),
                    now.minusMinutes(10).toString())).status()).isEqualTo(201);
        }
        String thisMonth = YearMonth.now(ZoneId.of("Europe/Paris")).toString();

        // without JavaScript: the server-rendered tables hold every point, with n and the status in words
        DeskClient reader = DeskClient.browserLogin(port, "admin", DeskTest.ADMIN_PASSWORD);
        String html = reader.get("/kpis").body();
        assertThat(html).contains("<h1>Indicateurs</h1>").contains("id=\"series-deployment_success_rate\"")
                .contains("id=\"series-change_failure_rate\"").contains("id=\"series-sla_take_charge_P1\"")
                .contains("pas de données");
        // served from the jar (the locator adds the version), never from a CDN
        var script = java.util.regex.Pattern.compile("src=\"(/webjars/chart\\.js/[^\"]+/dist/chart\\.umd\\.js)\"").matcher(html);
        assertThat(script.find()).as("the Chart.js script tag").isTrue();
        assertThat(reader.get(script.group(1)).status()).isEqualTo(200);
        assertThat(html).doesNotContain("https://");

        try (Browser b = Browser.open(port)) {
            b.logIn("admin", DeskTest.ADMIN_PASSWORD);
            b.get("/kpis");
            new WebDriverWait(b.driver, java.time.Duration.ofSeconds(15))
                    .until(d -> "ready".equals(d.findElement(org.openqa.selenium.By.tagName("body")).getAttribute("data-kpi-charts")));
            List<WebElement> canvases = b.all("canvas.kpi-canvas");
            assertThat(canvases).hasSizeGreaterThanOrEqualTo(17);
            assertThat(canvases).allSatisfy(c -> assertThat(c.getAttribute("data-drawn")).isEqualTo("true"));
            Object charts = ((JavascriptExecutor) b.driver).executeScript(
                    "return Object.keys(Chart.instances).length");
            assertThat(((Number) charts).intValue()).isEqualTo(canvases.size());
            // the tables fold under their charts once drawn, and open on demand
            assertThat(b.find("#series-deployment_success_rate details.kpi-figures").getAttribute("open")).isNull();
            b.find("#series-deployment_success_rate details.kpi-figures summary").click();
            // this month's deployment point: n ≥ 3, coloured by its status, with the 95 % target line
            WebElement row = b.find("#series-deployment_success_rate tbody tr:last-child");
            assertThat(row.findElement(org.openqa.selenium.By.cssSelector("th")).getText()).isEqualTo(thisMonth);
            assertThat(Integer.parseInt(row.findElements(org.openqa.selenium.By.cssSelector("td")).get(1).getText()))
                    .isGreaterThanOrEqualTo(3);
            Object datasets = ((JavascriptExecutor) b.driver).executeScript(
                    "var c = Chart.getChart(document.querySelector('#series-deployment_success_rate canvas'));"
                            + "return [c.data.datasets.length, c.data.datasets[1].data[0], c.$kpiPoints[c.$kpiPoints.length-1].n];");
            assertThat(datasets.toString()).startsWith("[2, 95, ");
            assertThat(b.text("#conformance h2")).startsWith("Conformité au plan — ");
            assertThat(b.all("#conformance tbody tr")).hasSizeGreaterThanOrEqualTo(15);
            b.screenshot("kpis");

            b.get("/kpis?from=2026-13");
            assertThat(b.text(".form-error")).contains("from");
            b.get("/kpis?lang=en");
            assertThat(b.text("h1")).isEqualTo("KPIs");
        }
    }
}
