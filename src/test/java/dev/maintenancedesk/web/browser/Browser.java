package dev.maintenancedesk.web.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The system Chromium, headless, driven through the system ChromeDriver (DESIGN §9). Both paths are
 * given explicitly (DESK_CHROMIUM, DESK_CHROMEDRIVER, else the Debian locations), so Selenium Manager
 * is never asked to find or download anything; a missing browser or driver fails the test, never skips it.
 */
final class Browser implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration WAIT = Duration.ofSeconds(15);

    final WebDriver driver;
    private final String base;
    private final Path profile;

    private Browser(WebDriver driver, String base, Path profile) {
        this.driver = driver;
        this.base = base;
        this.profile = profile;
    }

    static Browser open(int port) {
        String chromium = executable("DESK_CHROMIUM", "/usr/bin/chromium", "Chromium (Debian: apt-get install chromium)");
        String chromedriver = executable("DESK_CHROMEDRIVER", "/usr/bin/chromedriver",
                "ChromeDriver (Debian: apt-get install chromium-driver)");
        System.setProperty("webdriver.chrome.driver", chromedriver);
        Path profile;
        try {
            profile = Files.createTempDirectory("desk-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--no-first-run",
                "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=1280,1000", "--lang=fr-FR");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(chromedriver)).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return new Browser(driver, "http://127.0.0.1:" + port, profile);
    }

    private static String executable(String variable, String fallback, String what) {
        String path = System.getenv(variable);
        if (path == null || path.isBlank()) {
            path = fallback;
        }
        if (!Files.isExecutable(Path.of(path))) {
            throw new IllegalStateException(what + " is required for the browser tests: " + path
                    + " is missing or not executable (set " + variable + " to its path)");
        }
        return path;
    }

    void get(String path) {
        driver.get(base + path);
    }

    void logIn(String username, String password) {
        get("/login");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        submit(driver.findElement(By.cssSelector("form.login-form button[type=submit]")));
        if (driver.getCurrentUrl().contains("/login")) {
            throw new IllegalStateException("login failed for " + username + ": " + driver.getCurrentUrl());
        }
    }

    /** Clicks a submit button (or a link) and waits for the next page to be loaded. */
    void submit(WebElement button) {
        WebElement page = driver.findElement(By.tagName("html"));
        button.click();
        new WebDriverWait(driver, WAIT).until(d -> gone(page));
        new WebDriverWait(driver, WAIT).until(d -> "complete".equals(
                ((org.openqa.selenium.JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    /**
     * Whether the page the element belonged to has been replaced. ChromeDriver sometimes says so with "Node
     * with given id does not belong to the document" instead of a stale-element error: the same answer.
     */
    private static boolean gone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (org.openqa.selenium.StaleElementReferenceException e) {
            return true;
        } catch (org.openqa.selenium.WebDriverException e) {
            if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    String text(String css) {
        return find(css).getText();
    }

    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            // Tall enough to hold the whole page, so the screenshot shows what a reader scrolls through.
            Object height = ((org.openqa.selenium.JavascriptExecutor) driver)
                    .executeScript("window.scrollTo(0, 0); return document.documentElement.scrollHeight");
            // The window's height includes a little more than the page's viewport: leave a margin.
            int h = Math.min(5000, Math.max(800, ((Number) height).intValue() + 160));
            Dimension before = driver.manage().window().getSize();
            driver.manage().window().setSize(new Dimension(before.getWidth(), h));
            Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            driver.manage().window().setSize(before);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Screenshot at a phone's width (390 CSS pixels). */
    void phoneScreenshot(String name) {
        Dimension before = driver.manage().window().getSize();
        driver.manage().window().setSize(new Dimension(390, 900));
        screenshot(name);
        driver.manage().window().setSize(before);
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temporary profile left behind is harmless
            }
        }
    }
}
