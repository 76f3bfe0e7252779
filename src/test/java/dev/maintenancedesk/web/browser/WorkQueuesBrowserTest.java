package dev.maintenancedesk.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maintenancedesk.DeskClient;
import dev.maintenancedesk.DeskTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 9's work queues in headless Chromium: each role's home (reporter, developer, lead), the list's
 * open default, several states, the unassigned and reported-by-me queues, a saved view and "assign to
 * me". Screenshots: home-reporter, home-developer, home-lead, list-queues.
 */
@DeskTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkQueuesBrowserTest {

    static final String REPORTER = "qb-reporter";
    static final String DEV = "qb-dev";
    static final String LEAD = "qb-lead";
    /** Takes a ticket in the queue test, so that the homes stay as set up whatever the order of the tests. */
    static final String DEV2 = "qb-dev2";

    @LocalServerPort
    int port;

    long reported;
    long assigned;
    long unassigned;
    long rejected;
    long toTake;

    @BeforeAll
    void tickets() {
        DeskClient admin = DeskClient.admin(port);
        DeskClient reporter = DeskClient.newUser(port, REPORTER, "REPORTER");
        DeskClient.newUser(port, DEV, "DEVELOPER");
        DeskClient.newUser(port, LEAD, "LEAD");
        DeskClient.newUser(port, DEV2, "DEVELOPER");
        reported = number(reporter.post("/api/v1/tickets",
                "{\"title\":\"Imprimante du 3e en panne\",\"labels\":[\"qb\"]}"));
        assigned = number(admin.post("/api/v1/tickets", "{\"title\":\"Cache des tarifs à purger\",\"labels\":[\"qb\"],"
                + "\"type\":\"CORRECTIVE\",\"priority\":\"P3\",\"assignee\":\"" + DEV + "\"}"));
        unassigned = number(admin.post("/api/v1/tickets", "{\"title\":\"Export comptable lent\",\"labels\":[\"qb\"],"
                + "\"type\":\"CORRECTIVE\",\"priority\":\"P2\"}"));
        toTake = number(admin.post("/api/v1/tickets", "{\"title\":\"Journal d’audit tronqué\",\"labels\":[\"qb\"],"
                + "\"type\":\"CORRECTIVE\",\"priority\":\"P4\"}"));
        rejected = number(admin.post("/api/v1/tickets", "{\"title\":\"Demande en double\",\"labels\":[\"qb\"]}"));
        DeskClient.Response move = admin.post("/api/v1/tickets/" + rejected + "/transitions",
                "{\"to\":\"REJECTED\",\"reason\":\"doublon\"}");
        assertThat(move.status()).as(move.toString()).isEqualTo(200);
    }

    @Test
    void eachRoleHasItsOwnHome() {
        try (Browser b = Browser.open(port)) {
            b.logIn(REPORTER, password(REPORTER));
            b.get("/");
            assertThat(b.text("#h-reported")).isEqualTo("Mes signalements");
            assertThat(b.text(".home-reported")).contains("Imprimante du 3e en panne").contains("Création")
                    .doesNotContain("Export comptable lent");
            // the caption names the zone once, the rows only in their tooltip
            assertThat(b.text(".home-reported caption")).endsWith("heures dans le fuseau Europe/Paris");
            assertThat(b.find(".home-reported tbody time").getText()).doesNotContain("Europe/Paris");
            assertThat(b.find(".home-reported tbody time").getAttribute("title")).endsWith("(Europe/Paris)");
            assertThat(b.all("#h-mine")).isEmpty();
            assertThat(b.all("#at-risk")).isEmpty();
            b.screenshot("home-reporter");
            b.submit(b.find(".home-reported .more a"));
            assertThat(b.driver.getCurrentUrl()).endsWith("/tickets?reporter=me&state=all");
            assertThat(b.text("table.tickets")).contains("Imprimante du 3e en panne");
        }
        try (Browser b = Browser.open(port)) {
            b.logIn(DEV, password(DEV));
            b.get("/");
            assertThat(b.text(".home-mine")).contains("Cache des tarifs à purger").doesNotContain("Export comptable lent");
            assertThat(b.all("#at-risk")).hasSize(1);
            assertThat(b.all("#h-reported")).isEmpty();
            b.screenshot("home-developer");
            b.submit(b.find(".home-mine .more a"));
            assertThat(b.driver.getCurrentUrl()).endsWith("/tickets?assignee=me");
            assertThat(b.text("table.tickets")).contains("Cache des tarifs à purger");
        }
        try (Browser b = Browser.open(port)) {
            b.logIn(LEAD, password(LEAD));
            b.get("/");
            assertThat(b.text("#to-qualify")).contains("Imprimante du 3e en panne").doesNotContain("Demande en double");
            assertThat(b.text("#unassigned")).contains("Export comptable lent").contains("Imprimante du 3e en panne")
                    .doesNotContain("Cache des tarifs à purger");
            assertThat(b.all("#at-risk")).hasSize(1);
            assertThat(b.all("#breached")).hasSize(1);
            b.screenshot("home-lead");
            b.submit(b.find("#unassigned .more a"));
            assertThat(b.driver.getCurrentUrl()).endsWith("/tickets?assignee=-");
            assertThat(b.find(".queues a[data-queue=unassigned]").getAttribute("aria-current")).isEqualTo("page");
            assertThat(b.text("table.tickets")).contains("Export comptable lent").doesNotContain("Cache des tarifs à purger");
        }
    }

    @Test
    void queuesSavedViewAndAssignToMe() {
        try (Browser b = Browser.open(port)) {
            b.logIn(DEV2, password(DEV2));
            b.get("/tickets?label=qb");
            assertThat(b.text("table.tickets")).as("open by default").contains("Export comptable lent")
                    .doesNotContain("Demande en double");

            // Several states at once through the form.
            b.find("#f-state-NEW").click();
            b.find("#f-state-REJECTED").click();
            b.submit(b.find("form.filters button[type=submit]"));
            assertThat(b.driver.getCurrentUrl()).contains("state=NEW").contains("state=REJECTED").contains("label=qb");
            assertThat(b.text("table.tickets")).contains("Demande en double").contains("Imprimante du 3e en panne");
            assertThat(b.find("#f-state-REJECTED").isSelected()).isTrue();

            // Reported by me: nothing for this developer.
            b.submit(b.find(".queues a[data-queue=reported]"));
            assertThat(b.find(".queues a[data-queue=reported]").getAttribute("aria-current")).isEqualTo("page");

            // A saved view of the qb tickets, in any state, then opened from the list.
            b.get("/tickets?label=qb&state=all&order=newest");
            b.find(".save-view-fold summary").click();
            b.find("#v-name").sendKeys("Tout qb");
            b.submit(b.find("form.save-view button[type=submit]"));
            b.get("/tickets");
            b.submit(b.find(".saved-views li[data-view='Tout qb'] a"));
            assertThat(b.driver.getCurrentUrl()).contains("label=qb").contains("state=all");
            assertThat(b.text("table.tickets")).contains("Demande en double").contains("Cache des tarifs à purger");

            // Assign to me from the unassigned queue.
            b.get("/tickets?label=qb&assignee=-");
            assertThat(b.text("table.tickets")).contains("Journal d’audit tronqué").contains("Export comptable lent");
            b.screenshot("list-queues");
            b.submit(b.find("form[action='/tickets/" + toTake + "/assign-to-me'] button"));
            assertThat(b.text(".alert-info")).isEqualTo("Le ticket n° " + toTake + " vous est attribué.");
            assertThat(b.text("table.tickets")).doesNotContain("Journal d’audit tronqué").contains("Export comptable lent");

            // The saved view is deleted by its owner.
            b.get("/tickets");
            b.submit(b.find(".saved-views li[data-view='Tout qb'] button"));
            assertThat(b.all(".saved-views li[data-view='Tout qb']")).isEmpty();
        }
    }

    static String password(String user) {
        return "pw-" + user + "-0123456789";
    }

    private static long number(DeskClient.Response created) {
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("number").asLong();
    }
}
