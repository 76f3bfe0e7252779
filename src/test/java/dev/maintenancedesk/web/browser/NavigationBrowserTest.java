package dev.maintenancedesk.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maintenancedesk.DeskClient;
import dev.maintenancedesk.DeskTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The navigation folds into a menu on a phone (390 px), opens with the keyboard, and stays a row on a desktop. */
@DeskTest
class NavigationBrowserTest {

    @LocalServerPort
    int port;

    private static List<String> visibleMenuLinks(Browser b) {
        return b.all("details.nav-menu a").stream().filter(WebElement::isDisplayed).map(WebElement::getText).toList();
    }

    @Test
    void onAPhoneTheMenuOpensFromTheKeyboardAndShowsEveryEntry() {
        try (Browser b = Browser.open(port)) {
            b.logIn("admin", DeskTest.ADMIN_PASSWORD);
            b.driver.manage().window().setSize(new Dimension(390, 900));
            b.get("/plan");
            assertThat(b.find("nav.main-nav").isDisplayed()).as("the row is folded away").isFalse();
            assertThat(b.find("details.nav-menu summary").isDisplayed()).isTrue();
            assertThat(visibleMenuLinks(b)).as("closed").isEmpty();
            // nothing of the header sticks out of the screen any more
            assertThat(((Number) ((JavascriptExecutor) b.driver).executeScript(
                    "return document.querySelector('header.site-header').scrollWidth")).intValue()).isLessThanOrEqualTo(390);

            b.find("details.nav-menu summary").sendKeys(Keys.ENTER);
            assertThat(b.find("details.nav-menu").getAttribute("open")).isNotNull();
            assertThat(visibleMenuLinks(b)).containsExactly("Accueil", "Tickets", "Tableau", "Releases", "Indicateurs", "Préventif", "Veille", "Backlog", "Plan", "Profil",
                    "Administration");
            assertThat(b.find("details.nav-menu a[aria-current=page]").getText()).isEqualTo("Plan");
            b.screenshot("nav-phone");

            b.submit(b.all("details.nav-menu a").stream().filter(a -> a.getText().equals("Profil")).findFirst().orElseThrow());
            assertThat(b.driver.getCurrentUrl()).endsWith("/profile");
        }
    }

    @Test
    void aDeveloperHasNoAdministrationAndTheDesktopKeepsTheRow() {
        DeskClient.newUser(port, "nav-dev", "DEVELOPER");
        try (Browser b = Browser.open(port)) {
            b.logIn("nav-dev", "pw-nav-dev-0123456789");
            b.driver.manage().window().setSize(new Dimension(390, 900));
            b.get("/");
            b.find("details.nav-menu summary").click();
            assertThat(visibleMenuLinks(b)).contains("Plan", "Profil").doesNotContain("Administration");

            b.driver.manage().window().setSize(new Dimension(1280, 1000));
            b.get("/plan");
            assertThat(b.find("nav.main-nav").isDisplayed()).isTrue();
            assertThat(b.find("details.nav-menu").isDisplayed()).isFalse();
            assertThat(b.find(".cadences").getText()).contains("Le premier mardi de chaque mois", "Prochaines dates");
            b.screenshot("plan");
            b.driver.manage().window().setSize(new Dimension(390, 900));
            b.get("/releases");
            b.screenshot("releases-phone");
        }
    }

    @Test
    void aWrongTicketAddressShowsAFrenchErrorPageWithTheWayBack() {
        try (Browser b = Browser.open(port)) {
            b.logIn("admin", DeskTest.ADMIN_PASSWORD);
            b.get("/tickets/abc");
            assertThat(b.find("h1").getText()).isEqualTo("Valeurs refusées");
            assertThat(b.find("main").getText()).contains("Erreur 400").contains("numéro de ticket : « abc » n’est pas un nombre")
                    .doesNotContain("Exception")
                    .doesNotContain("NumberFormat").doesNotContain("at dev.");
            assertThat(b.find("nav.main-nav").isDisplayed()).as("the page keeps the desk's navigation").isTrue();
            b.screenshot("error-400");

            b.get("/tickets/987654321");
            assertThat(b.find("h1").getText()).isEqualTo("Page introuvable");
            assertThat(b.find("main").getText()).contains("Erreur 404");
            b.submit(b.find("main a[href='/']"));
            assertThat(b.driver.getCurrentUrl()).endsWith("/");
        }
    }
}
