package dev.maintenancedesk.web.releases;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maintenancedesk.DeskClient;
import dev.maintenancedesk.DeskClient.Response;
import dev.maintenancedesk.DeskTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The releases page for developers, the windows in words, and a lead registering a deprecation from the page. */
@DeskTest
class ReleasesPageTest {

    @LocalServerPort
    int port;

    private DeskClient browser(String role) {
        String name = role.toLowerCase() + "-" + System.nanoTime();
        DeskClient.newUser(port, name, role);
        return DeskClient.browserLogin(port, name, "pw-" + name + "-0123456789");
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void developersSeeTheWindowsInWordsAndNoSettingNorForm() {
        DeskClient dev = browser("DEVELOPER");
        Response page = dev.get("/releases");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Chaque mardi", "Le premier mardi de chaque mois",
                        "Le premier mardi de janvier, avril, juillet et octobre", "Prochaines dates",
                        "dès qu’un administrateur aura relié le dépôt git")
                .doesNotContain("DESK_RELEASES_REPOSITORY", "FREQ=", "deprecation-form");
        assertThat(dev.get("/releases?lang=en").body()).contains("Every Tuesday", "The first Tuesday of every month");
        Response post = dev.form("/releases/deprecations", "key=x.y&description=d&announcedIn=1.0.0&_csrf="
                + enc(dev.csrfFrom("/releases")));
        assertThat(post.status()).isEqualTo(403);
    }

    @Test
    void thePlanPageSaysTheWindowsInWords() {
        Response plan = browser("REPORTER").get("/plan");
        assertThat(plan.status()).isEqualTo(200);
        assertThat(plan.body()).contains("Quand les releases peuvent partir", "Le premier mardi de chaque mois",
                "Prochaines dates");
    }

    @Test
    void aLeadRegistersADeprecationAndSeesRefusalsInlineInFrenchWithTheTypedValues() {
        DeskClient lead = browser("LEAD");
        assertThat(lead.get("/releases").body()).contains("deprecation-form", "Annoncer une dépréciation");
        String key = "ui.old-export-" + System.nanoTime();

        Response bad = lead.form("/releases/deprecations", "key=" + enc("deux mots") + "&description=" + enc("Ancien export")
                + "&announcedIn=v1&_csrf=" + enc(lead.csrfFrom("/releases")));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("Donnez une clé d’un seul mot", "Donnez une version de la forme X.Y.Z",
                        "value=\"deux mots\"", ">Ancien export</textarea>", "aria-invalid=\"true\"")
                .doesNotContain("required: one word");

        Response ok = lead.form("/releases/deprecations", "key=" + enc(key) + "&description=" + enc("Ancien export")
                + "&announcedIn=1.4.0&_csrf=" + enc(lead.csrfFrom("/releases")));
        assertThat(ok.status()).isEqualTo(302);
        assertThat(ok.header("Location")).endsWith("/releases#deprecations");
        assertThat(lead.get("/releases").body()).contains("Dépréciation « " + key + " » enregistrée.", key, "1.7.0");

        Response again = lead.form("/releases/deprecations", "key=" + enc(key) + "&description=" + enc("Encore")
                + "&announcedIn=1.5.0&_csrf=" + enc(lead.csrfFrom("/releases")));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body()).contains("La clé « " + key + " » est déjà enregistrée comme dépréciée",
                ">Encore</textarea>", "value=\"1.5.0\"");

        Response missing = lead.form("/releases/deprecations", "_csrf=" + enc(lead.csrfFrom("/releases")));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body()).contains("Décrivez la dépréciation");
    }
}
