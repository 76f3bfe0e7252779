package dev.maintenancedesk.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maintenancedesk.DeskClient;
import dev.maintenancedesk.DeskTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 9's board, in headless Chromium over real HTTP: a move answers in place on the card (htmx, no
 * page load: a marker set on the page's window survives), a refusal shows its reason on the card with
 * the keyboard focus on it, drag and drop (SortableJS) attempts the same moves, the nine columns fit a
 * 1366 px window, and the same endpoint keeps working without JavaScript and on bad input.
 */
@DeskTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BoardBrowserTest {

    static final String DEV = "board-dev";
    static final Duration WAIT = Duration.ofSeconds(15);

    @LocalServerPort
    int port;

    DeskClient dev;

    @BeforeAll
    void users() {
        dev = DeskClient.newUser(port, DEV, "DEVELOPER");
    }

    static String password(String user) {
        return "pw-" + user + "-0123456789";   // the password DeskClient.newUser gives
    }

    long ticket(String title, boolean qualified) {
        String body = qualified
                ? DeskClient.json("{\"title\":%s,\"type\":\"CORRECTIVE\",\"priority\":\"P3\"}", title)
                : DeskClient.json("{\"title\":%s,\"type\":\"CORRECTIVE\"}", title);
        return dev.post("/api/v1/tickets", body).json().get("number").asLong();
    }

    Browser board(int width, int height) {
        Browser b = Browser.open(port);
        b.logIn(DEV, password(DEV));
        b.driver.manage().window().setSize(new Dimension(width, height));
        b.get("/board");
        js(b, "window.boardMarker = 'same page'");
        return b;
    }

    @Test
    void aRefusedMoveShowsItsReasonOnTheCardWithoutReloadingThePage() {
        long number = ticket("Carte à qualifier", false);
        try (Browser b = board(1366, 768)) {
            WebElement button = b.find("#card-" + number + " form.card-move input[value=TRIAGED] ~ button");
            button.sendKeys(org.openqa.selenium.Keys.ENTER);   // a keyboard user
            WebElement card = waitFor(b, "section[data-state=NEW] #card-" + number + "[data-answer=refused]");

            assertThat(card.findElement(By.cssSelector(".gate-answer")).getText())
                    .contains("#" + number + " ne peut pas passer en Qualification")
                    .contains("Le workflow refuse cette transition.").contains("la priorité");
            assertThat(card.findElements(By.cssSelector("[role=alert] li[data-requirement=priority]"))).hasSize(1);
            assertThat(card.getAttribute("class")).contains("refused");
            assertThat(js(b, "return window.boardMarker")).as("no page load").isEqualTo("same page");
            assertThat(b.driver.getCurrentUrl()).endsWith("/board");
            assertThat(js(b, "return document.activeElement.closest('.ticket-card') && document.activeElement.closest('.ticket-card').id"))
                    .as("the keyboard focus stays on the card").isEqualTo("card-" + number);
            assertThat(b.all(".gate-answer")).as("only this card answers").hasSize(1);
            b.screenshot("board-refused");
        }
    }

    @Test
    void anAllowedMoveReRendersBothColumnsInPlace() {
        long number = ticket("Carte qualifiable", true);
        try (Browser b = board(1366, 768)) {
            b.find("#card-" + number + " form.card-move input[value=TRIAGED] ~ button").click();
            WebElement card = waitFor(b, "section[data-state=TRIAGED] #card-" + number + "[data-answer=moved]");
            assertThat(card.getText()).contains("#" + number + " est passé en Qualification.");
            assertThat(b.all("section[data-state=NEW] #card-" + number)).isEmpty();
            assertThat(b.all(".column")).hasSize(9);
            assertThat(js(b, "return window.boardMarker")).isEqualTo("same page");
            assertThat(js(b, "return document.activeElement.id")).isEqualTo("card-" + number);
            // The re-rendered card offers the next moves, and they still answer in place.
            assertThat(card.findElements(By.cssSelector("form.card-move input[name=to]")))
                    .extracting(e -> e.getAttribute("value")).contains("ASSIGNED");
            assertThat(card.findElement(By.cssSelector("form.card-move")).getAttribute("hx-post"))
                    .isEqualTo("/board/" + number + "/move");
        }
    }

    @Test
    void draggingACardToAnotherColumnAttemptsTheMove() {
        long refused = ticket("Glissée sans priorité", false);
        long allowed = ticket("Glissée qualifiée", true);
        try (Browser b = board(1366, 768)) {
            drag(b, refused, "TRIAGED");
            WebElement card = waitFor(b, "section[data-state=NEW] #card-" + refused + "[data-answer=refused]");
            assertThat(card.getText()).contains("la priorité");
            assertThat(b.all("section[data-state=TRIAGED] #card-" + refused)).as("back in its column").isEmpty();

            drag(b, allowed, "TRIAGED");
            waitFor(b, "section[data-state=TRIAGED] #card-" + allowed + "[data-answer=moved]");
            assertThat(b.all("section[data-state=NEW] #card-" + allowed)).isEmpty();
            assertThat(dev.get("/api/v1/tickets/" + allowed).json().get("state").asString()).isEqualTo("TRIAGED");
            assertThat(js(b, "return window.boardMarker")).isEqualTo("same page");

            // A move that needs a reason is refused on the card, which points to the ticket page.
            drag(b, allowed, "WAITING");
            WebElement waiting = waitFor(b, "section[data-state=TRIAGED] #card-" + allowed + "[data-answer=refused]");
            assertThat(waiting.getText()).contains("une raison");
            assertThat(waiting.findElements(By.cssSelector(".gate-answer a[href='/tickets/" + allowed + "']"))).hasSize(1);
        }
    }

    @Test
    void theNineColumnsFitA1366PxWindowWithoutSidewaysScrolling() {
        ticket("Un titre assez long pour voir comment une carte le coupe sur plusieurs lignes du tableau", true);
        try (Browser b = board(1366, 768)) {
            assertThat(b.all(".column")).hasSize(9);
            Map<?, ?> sizes = (Map<?, ?>) js(b, "return {scroll: document.documentElement.scrollWidth,"
                    + " inner: window.innerWidth, client: document.documentElement.clientWidth, board: document.querySelector('.board').scrollWidth,"
                    + " boardClient: document.querySelector('.board').clientWidth,"
                    + " right: Math.max(...[...document.querySelectorAll('.column')].map(c => c.getBoundingClientRect().right))}");
            long inner = ((Number) sizes.get("inner")).longValue();
            assertThat(((Number) sizes.get("scroll")).longValue()).as("page width").isLessThanOrEqualTo(inner);
            assertThat(((Number) sizes.get("board")).longValue()).as("no column cut off inside the board")
                    .isLessThanOrEqualTo(((Number) sizes.get("boardClient")).longValue());
            assertThat(((Number) sizes.get("right")).doubleValue()).as("last column inside the window, scroll bar aside")
                    .isLessThanOrEqualTo(((Number) sizes.get("client")).doubleValue());
            b.screenshot("board");
        }
    }

    @Test
    void withoutJavaScriptAndOnBadInputTheEndpointStillAnswers() {
        long number = ticket("Sans JavaScript", false);
        // A plain form POST (no HX-Request): redirect to the card, whose reason is shown on the board.
        DeskClient browser = DeskClient.browserLogin(port, DEV, password(DEV));
        String csrf = URLEncoder.encode(browser.csrfFrom("/board"), StandardCharsets.UTF_8);
        DeskClient.Response refused = browser.form("/board/" + number + "/move", "to=TRIAGED&from=NEW&_csrf=" + csrf);
        assertThat(refused.status()).isEqualTo(302);
        assertThat(refused.header("Location")).endsWith("/board#card-" + number);
        String page = browser.get("/board").body();
        String card = page.substring(page.indexOf("id=\"card-" + number + "\""));
        card = card.substring(0, card.indexOf("</li>"));
        assertThat(card).contains("data-answer=\"refused\"").contains("la priorité");
        assertThat(browser.get("/board").body()).as("the answer is shown once").doesNotContain("data-answer=");
        DeskClient.Response unknown = browser.form("/board/987654321/move", "to=TRIAGED&_csrf=" + csrf);
        assertThat(unknown.status()).isEqualTo(302);
        assertThat(browser.get("/board").body()).as("no card to show it on: above the board")
                .contains("class=\"board-orphan card-answer\"").contains("Ce ticket n’existe pas.");

        // htmx requests with bad input get an HTML fragment on the card, never an error page.
        try (Browser b = board(1366, 768)) {
            Map<?, ?> bogus = fetch(b, "/board/" + number + "/move", "to=BOGUS&from=NEW");
            assertThat(bogus.get("status")).isEqualTo(200L);
            assertThat((String) bogus.get("body")).contains("id=\"card-" + number + "\"").contains("transition inconnue")
                    .doesNotContain("<html");
            Map<?, ?> missing = fetch(b, "/board/987654321/move", "to=TRIAGED&from=NEW");
            assertThat(missing.get("status")).isEqualTo(200L);
            assertThat((String) missing.get("body")).contains("id=\"card-987654321\"").contains("Ce ticket n’existe pas.");
            Map<?, ?> noTarget = fetch(b, "/board/" + number + "/move", "from=NEW");
            assertThat(noTarget.get("status")).isEqualTo(200L);
            assertThat((String) noTarget.get("body")).contains("transition inconnue");
            // A card that moved elsewhere meanwhile: the two columns come back, with the card where it is now.
            long elsewhere = ticket("Déplacée ailleurs", true);
            assertThat(dev.post("/api/v1/tickets/" + elsewhere + "/transitions", "{\"to\":\"TRIAGED\"}").status())
                    .isEqualTo(200);
            Map<?, ?> stale = fetch(b, "/board/" + elsewhere + "/move", "to=TRIAGED&from=NEW");
            assertThat(stale.get("status")).isEqualTo(200L);
            assertThat(stale.get("reswap")).isEqualTo("none");
            assertThat((String) stale.get("body")).contains("id=\"column-NEW\"").contains("id=\"column-TRIAGED\"")
                    .contains("hx-swap-oob=\"true\"").contains("data-answer=\"refused\"");
        }
    }

    private static Map<?, ?> fetch(Browser b, String path, String form) {
        return (Map<?, ?>) ((JavascriptExecutor) b.driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "const board = document.querySelector('.board');"
                        + "const body = arguments[1] + '&' + board.dataset.csrfName + '=' + encodeURIComponent(board.dataset.csrfToken);"
                        + "fetch(arguments[0], {method: 'POST', headers: {'HX-Request': 'true',"
                        + " 'Content-Type': 'application/x-www-form-urlencoded'}, body})"
                        + ".then(r => r.text().then(t => done({status: r.status, body: t, reswap: r.headers.get('HX-Reswap')})))"
                        + ".catch(e => done({status: -1, body: String(e)}));", path, form);
    }

    /** A real pointer drag (SortableJS listens to pointer events): press on the card, move in steps, release. */
    private static void drag(Browser b, long number, String state) {
        WebElement handle = b.find("#card-" + number + " .card-meta");
        WebElement target = b.find("section[data-state=" + state + "] ol.cards");
        js(b, "arguments[0].scrollIntoView({block: 'center'})", handle);
        Actions actions = new Actions(b.driver).clickAndHold(handle);
        for (int i = 0; i < 5; i++) {
            actions.moveByOffset(5, 5);
        }
        actions.moveToElement(target).moveToElement(target, 2, 2).release().perform();
    }

    private static WebElement waitFor(Browser b, String css) {
        return new WebDriverWait(b.driver, WAIT).until(d -> {
            List<WebElement> found = d.findElements(By.cssSelector(css));
            return found.isEmpty() ? null : found.getFirst();
        });
    }

    private static Object js(Browser b, String script, Object... args) {
        return ((JavascriptExecutor) b.driver).executeScript(script, args);
    }
}
