package dev.maintenancedesk.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maintenancedesk.DeskClient;
import dev.maintenancedesk.DeskTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The administration of users and the personal API tokens of the profile, in headless Chromium. */
@DeskTest
class AccountPagesBrowserTest {

    @LocalServerPort
    int port;

    @Test
    void anAdministratorCreatesAUserChangesTheirRoleAndDisablesThem() {
        try (Browser b = Browser.open(port)) {
            b.logIn("admin", DeskTest.ADMIN_PASSWORD);
            b.submit(b.find("nav.main-nav a[href='/admin/users']"));
            b.find("#u-username").sendKeys("admin");
            b.find("#u-password").sendKeys("a-long-enough-password");
            b.submit(b.find("form.admin-form button[type=submit]"));
            assertThat(b.find("[role=alert]").getText()).isEqualTo("Un utilisateur nommé admin existe déjà.");   // in French
            assertThat(b.find("#u-username").getAttribute("value")).isEqualTo("admin");   // what was typed stays

            b.find("#u-username").clear();
            b.find("#u-username").sendKeys("ui-carol");
            new Select(b.find("#u-role")).selectByValue("REPORTER");
            b.find("#u-password").sendKeys("a-long-enough-password");
            b.submit(b.find("form.admin-form button[type=submit]"));
            assertThat(b.text("[role=status]")).isEqualTo("Utilisateur ui-carol créé.");

            new Select(b.find("#role-ui-carol")).selectByValue("DEVELOPER");
            b.submit(row(b, "ui-carol").findElement(By.cssSelector("form[action$='/role'] button")));
            assertThat(new Select(b.find("#role-ui-carol")).getFirstSelectedOption().getAttribute("value"))
                    .isEqualTo("DEVELOPER");

            b.submit(row(b, "ui-carol").findElement(By.cssSelector("form[action$='/enabled'] button")));
            assertThat(row(b, "ui-carol").getText()).contains("désactivé");
            b.screenshot("admin-users");
        }
        try (Browser b = Browser.open(port)) {
            b.get("/login");
            b.find("#username").sendKeys("ui-carol");
            b.find("#password").sendKeys("a-long-enough-password");
            b.submit(b.find("form.login-form button[type=submit]"));
            assertThat(b.driver.getCurrentUrl()).contains("/login?error");
        }
    }

    @Test
    void aPersonalTokenIsShownOnceWorksAndCanBeRevoked() {
        DeskClient.newUser(port, "ui-dana", "DEVELOPER");
        try (Browser b = Browser.open(port)) {
            b.logIn("ui-dana", "pw-ui-dana-0123456789");
            b.get("/profile");
            b.find("#token-name").sendKeys("ci-pipeline");
            Select scope = new Select(b.find("#token-scope"));
            assertThat(scope.getFirstSelectedOption().getText()).isEqualTo("écriture");
            assertThat(scope.getOptions()).extracting(WebElement::getText)
                    .as("a developer's tokens cannot administer").containsExactly("lecture seule", "écriture");
            scope.selectByValue("read");
            b.screenshot("profile-token-scope");
            b.submit(b.find("#tokens form.inline-form button[type=submit]"));
            String secret = b.text("#new-token");
            assertThat(secret).startsWith("mdk_");
            assertThat(DeskClient.withToken(port, secret).get("/api/v1/me").status()).isEqualTo(200);
            assertThat(DeskClient.withToken(port, secret).post("/api/v1/tickets",
                    "{\"title\":\"Par un jeton de lecture\",\"priority\":\"P3\"}").status()).isEqualTo(403);

            b.get("/profile");
            assertThat(b.all("#new-token")).as("shown once").isEmpty();
            WebElement row = b.all("#tokens tbody tr").stream().filter(r -> r.getText().contains("ci-pipeline"))
                    .findFirst().orElseThrow();
            assertThat(row.findElement(By.cssSelector(".token-scope")).getText()).isEqualTo("lecture seule");
            b.submit(row.findElement(By.cssSelector("button")));
            assertThat(b.text("[role=status]")).isEqualTo("Jeton révoqué.");
            assertThat(DeskClient.withToken(port, secret).get("/api/v1/me").status()).isEqualTo(401);

            // The profile's language drives the pages when no ?lang= was chosen.
            new Select(b.find("#language")).selectByValue("en");
            b.submit(b.find("form.profile-form button[type=submit]"));
            assertThat(b.find("html").getAttribute("lang")).isEqualTo("en");
            assertThat(b.text("[role=status]")).isEqualTo("Profile saved.");
        }
        try (Browser b = Browser.open(port)) {   // a fresh browser: no language cookie, the profile decides
            b.logIn("ui-dana", "pw-ui-dana-0123456789");
            assertThat(b.find("html").getAttribute("lang")).isEqualTo("en");
            assertThat(b.text("nav.main-nav")).contains("Board");
            assertThat(b.all("nav.main-nav a[href='/admin/users']")).as("developers have no admin entry").isEmpty();
            b.get("/admin/users");
            assertThat(b.text("h1")).isEqualTo("Access denied");
        }
    }

    @Test
    void theLoginPageIsACardInTheUsersLanguageAndSaysWhyItRefuses() {
        try (Browser b = Browser.open(port)) {
            b.get("/login");
            assertThat(b.text("h1")).isEqualTo("Maintenance Desk");
            assertThat(b.find("label[for=username]").getText()).isEqualTo("Identifiant");
            WebElement card = b.find("main.login-card");
            assertThat(card.getCssValue("max-width")).as("a card, not the whole width").isNotEqualTo("none");
            assertThat(card.getLocation().getX()).as("centred").isGreaterThan(300);
            b.screenshot("login");
            b.phoneScreenshot("login-phone");

            b.find("#username").sendKeys("nobody-here");
            b.find("#password").sendKeys("wrong-password-123");
            b.submit(b.find("form.login-form button[type=submit]"));
            assertThat(b.text("#login-error")).isEqualTo("Identifiant ou mot de passe incorrect, ou compte désactivé.");
            b.submit(b.find(".login-languages a[hreflang=en]"));
            assertThat(b.driver.getCurrentUrl()).contains("error");
            assertThat(b.text("#login-error")).startsWith("Wrong username or password");
            b.screenshot("login-error-en");
        }
    }

    @Test
    void aUserChangesTheirPasswordInTheProfile() {
        DeskClient.newUser(port, "ui-erin", "DEVELOPER");
        try (Browser b = Browser.open(port)) {
            b.logIn("ui-erin", "pw-ui-erin-0123456789");
            b.get("/profile");
            b.find("#currentPassword").sendKeys("not-my-password");
            b.find("#newPassword").sendKeys("erin-chose-this-one");
            b.find("#confirmPassword").sendKeys("erin-chose-this-one");
            b.submit(b.find("form.password-form button[type=submit]"));
            assertThat(b.text("#currentPassword-error")).isEqualTo("n’est pas votre mot de passe actuel");
            assertThat(b.find("#newPassword").getAttribute("value")).as("passwords are never sent back").isEmpty();

            b.find("#currentPassword").sendKeys("pw-ui-erin-0123456789");
            b.find("#newPassword").sendKeys("erin-chose-this-one");
            b.find("#confirmPassword").sendKeys("erin-chose-this-one");
            b.submit(b.find("form.password-form button[type=submit]"));
            assertThat(b.text("[role=status]")).isEqualTo("Mot de passe changé. Vos autres sessions ont été fermées.");
            b.screenshot("profile");
        }
        try (Browser b = Browser.open(port)) {
            b.logIn("ui-erin", "erin-chose-this-one");
            assertThat(b.driver.getCurrentUrl()).endsWith("/");
        }
    }

    @Test
    void anAdministratorsResetForcesAChangeAtTheNextLoginAndTheLastAdminIsRefusedInFrench() {
        DeskClient.newUser(port, "ui-fred", "REPORTER");
        String temporary;
        try (Browser b = Browser.open(port)) {
            b.logIn("admin", DeskTest.ADMIN_PASSWORD);
            b.get("/admin/users");
            new Select(b.find("#role-admin")).selectByValue("LEAD");
            b.submit(row(b, "admin").findElement(By.cssSelector("form[action$='/role'] button")));
            assertThat(b.text("[role=alert]"))
                    .isEqualTo("admin est le dernier administrateur actif : nommez-en un autre d’abord.");

            new Select(b.find("#r-user")).selectByValue("ui-fred");
            b.submit(b.find("#reset-generate"));
            temporary = b.text("#temporary-password");
            assertThat(temporary).hasSizeGreaterThanOrEqualTo(20);
            assertThat(b.text("[role=status]")).contains("ui-fred");
            b.screenshot("admin-reset");
        }
        try (Browser b = Browser.open(port)) {
            b.logIn("ui-fred", temporary);
            assertThat(b.driver.getCurrentUrl()).endsWith("/profile/password");
            assertThat(b.text("h1")).isEqualTo("Choisissez votre mot de passe");
            b.get("/tickets");
            assertThat(b.driver.getCurrentUrl()).as("nothing else until then").endsWith("/profile/password");
            b.screenshot("password-forced");

            b.find("#currentPassword").sendKeys(temporary);
            b.find("#newPassword").sendKeys("fred-own-password");
            b.find("#confirmPassword").sendKeys("fred-own-passwort");
            b.submit(b.find("form.password-form button[type=submit]"));
            assertThat(b.text("#confirmPassword-error")).isEqualTo("ne correspond pas au nouveau mot de passe");

            b.find("#currentPassword").sendKeys(temporary);
            b.find("#newPassword").sendKeys("fred-own-password");
            b.find("#confirmPassword").sendKeys("fred-own-password");
            b.submit(b.find("form.password-form button[type=submit]"));
            assertThat(b.driver.getCurrentUrl()).endsWith("/profile#password");
            assertThat(b.text("[role=status]")).isEqualTo("Mot de passe changé. Vos autres sessions ont été fermées.");
            b.get("/tickets");
            assertThat(b.driver.getCurrentUrl()).endsWith("/tickets");
        }
    }

    private static WebElement row(Browser b, String username) {
        return b.all("table.users tbody tr").stream().filter(r -> r.findElement(By.tagName("th")).getText().equals(username))
                .findFirst().orElseThrow();
    }
}
