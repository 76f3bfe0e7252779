package dev.maintenancedesk.github;

import static dev.maintenancedesk.github.GitHubPayloads.REPOSITORY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.maintenancedesk.DeskTest;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/** The admin page in headless Chromium: the deliveries table and the "Rejouer" button (screenshot github-admin.png). */
@DeskTest
@TestPropertySource(properties = {"DESK_GITHUB_WEBHOOK_SECRET=" + GitHubPayloads.SECRET,
        "DESK_GITHUB_REPOSITORY=" + REPOSITORY})
class GitHubAdminPageBrowserTest {

    @LocalServerPort int port;
    @Autowired Deliveries deliveries;

    @Test
    void an_admin_sees_the_deliveries_and_replays_one() throws Exception {
        String issue = GitHubPayloads.newId();
        GitHubPayloads.post(port, "issues", issue, GitHubPayloads.issueEvent("issues.opened", GitHubPayloads.freshIssue(),
                i -> GitHubPayloads.labels(i, "bug", "P2")));
        GitHubPayloads.post(port, "ping", GitHubPayloads.newId(), GitHubPayloads.example("ping"));
        String chromium = env("DESK_CHROMIUM", "/usr/bin/chromium");
        String chromedriver = env("DESK_CHROMEDRIVER", "/usr/bin/chromedriver");
        Path profile = Files.createTempDirectory("desk-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--no-first-run",
                "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=1280,900", "--lang=fr-FR");
        ChromeDriver driver = new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(chromedriver)).usingAnyFreePort().build(), options);
        try {
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
            driver.get("http://127.0.0.1:" + port + "/login");
            driver.findElement(By.id("username")).sendKeys("admin");
            driver.findElement(By.id("password")).sendKeys(DeskTest.ADMIN_PASSWORD);
            driver.findElement(By.cssSelector("form.login-form button[type=submit]")).click();
            wait.until(d -> !d.getCurrentUrl().contains("/login"));
            driver.get("http://127.0.0.1:" + port + "/admin/github");
            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("GitHub : livraisons des webhooks");
            WebElement row = wait.until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("tr[data-delivery='" + issue + "']")));
            assertThat(row.getText()).contains("issues").contains("opened");
            assertThat(driver.findElement(By.cssSelector("tbody")).getText())
                    .contains("Événement que le bureau n’utilise pas.");
            Files.createDirectories(Path.of("target", "screenshots"));
            driver.manage().window().setSize(new Dimension(1280, 900));
            Files.write(Path.of("target", "screenshots", "github-admin.png"), driver.getScreenshotAs(OutputType.BYTES));
            WebElement page = driver.findElement(By.tagName("html"));
            row.findElement(By.cssSelector("button[type=submit]")).click();
            wait.until(ExpectedConditions.stalenessOf(page));
            assertThat(driver.findElement(By.cssSelector("[role=status]")).getText()).contains(issue).contains("remise en file");
            driver.manage().window().setSize(new Dimension(390, 900));
            Files.write(Path.of("target", "screenshots", "github-admin-phone.png"),
                    ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } finally {
            driver.quit();
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
