package dev.maintenancedesk.web.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maintenancedesk.DeskClient;
import dev.maintenancedesk.DeskTest;
import dev.maintenancedesk.accounts.Users;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The account forms check like the API: a value the API refuses comes back inline, in French, never a 500. */
@DeskTest
class AccountFormsTest {

    @LocalServerPort
    int port;

    @Autowired
    Users users;

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Test
    void aProfileWithTooLongValuesComesBackWithInlineErrorsAndTheTypedValues() {
        DeskClient api = DeskClient.admin(port);
        api.post("/api/v1/users", "{\"username\":\"longname\",\"role\":\"REPORTER\",\"password\":\"a-long-enough-password\"}");
        DeskClient browser = DeskClient.browserLogin(port, "longname", "a-long-enough-password");
        String longName = "N".repeat(101);
        String longEmail = "e".repeat(250) + "@example.org";

        DeskClient.Response saved = browser.form("/profile", "displayName=" + enc(longName) + "&email=" + enc(longEmail)
                + "&language=fr&timeZone=Europe%2FParis&_csrf=" + enc(browser.csrfFrom("/profile")));
        assertThat(saved.status()).isEqualTo(302);
        String page = browser.get("/profile").body();
        assertThat(page).contains("id=\"displayName-error\"").contains("au plus 100 caractères")
                .contains("id=\"email-error\"").contains("au plus 254 caractères")
                .contains("value=\"" + longName + "\"").contains("value=\"" + longEmail + "\"");
        assertThat(users.find("longname").orElseThrow().displayName()).isEqualTo("longname");

        DeskClient.Response apiSide = DeskClient.admin(port).patch("/api/v1/users/longname",
                DeskClient.json("{\"displayName\":%s}", longName));
        assertThat(apiSide.status()).isEqualTo(400);
        assertThat(apiSide.json().get("field").asString()).isEqualTo("displayName");
    }

    @Test
    void theUserCreationFormShowsTheFieldsAtFaultAndKeepsWhatWasTyped() {
        DeskClient admin = DeskClient.browserLogin(port, "admin", DeskTest.ADMIN_PASSWORD);
        String longName = "D".repeat(101);
        DeskClient.Response created = admin.form("/admin/users", "username=formuser&displayName=" + enc(longName)
                + "&email=" + enc("x".repeat(255) + "@example.org") + "&role=LEAD&password=short&_csrf="
                + enc(admin.csrfFrom("/admin/users")));
        assertThat(created.status()).isEqualTo(302);
        String page = admin.get("/admin/users").body();
        assertThat(page).contains("id=\"u-display-error\"").contains("au plus 100 caractères")
                .contains("id=\"u-email-error\"").contains("id=\"u-password-error\"").contains("au moins 12 caractères")
                .contains("value=\"formuser\"").contains("value=\"" + longName + "\"")
                .contains("<option value=\"LEAD\" selected=\"selected\"");
        assertThat(users.find("formuser")).isEmpty();

        admin.form("/admin/users", "username=formuser&role=LEAD&password=a-long-enough-password&_csrf="
                + enc(admin.csrfFrom("/admin/users")));
        admin.form("/admin/users", "username=formuser&role=LEAD&password=a-long-enough-password&_csrf="
                + enc(admin.csrfFrom("/admin/users")));
        assertThat(admin.get("/admin/users").body()).contains("Un utilisateur nommé formuser existe déjà.");
    }
}
