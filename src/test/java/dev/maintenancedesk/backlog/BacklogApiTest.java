package dev.maintenancedesk.backlog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maintenancedesk.DeskClient;
import dev.maintenancedesk.DeskClient.Response;
import dev.maintenancedesk.DeskTest;
import dev.maintenancedesk.MutableClock;
import dev.maintenancedesk.TestDatabase;
import dev.maintenancedesk.preventive.PreventiveTicketOpened;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import tools.jackson.databind.JsonNode;

/**
 * The backlog review over the REST API on a database of its own (so the scope holds exactly this test's
 * tickets) and a clock pinned in March 2026, then moved to April to close March's minutes.
 */
@DeskTest
@ContextConfiguration(initializers = BacklogApiTest.OwnDatabase.class)
@DirtiesContext
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BacklogApiTest {

    static final MutableClock CLOCK = new MutableClock(OffsetDateTime.parse("2026-03-02T10:00:00+01:00").toInstant());

    @TestConfiguration
    static class PinnedTime {
        @Bean
        @Primary
        Clock backlogTestClock() {
            return CLOCK;
        }
    }

    static final class OwnDatabase extends TestDatabase.Own {
        OwnDatabase() {
            super("backlog");
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    BacklogReviews reviews;

    @Autowired
    JdbcClient jdbc;

    static DeskClient lead;
    static DeskClient dev;
    static long export;
    static long deps;
    static long debt;
    static long bug;
    static long rejected;

    @BeforeEach
    void tickets() {
        if (lead != null) {
            return;
        }
        assertThat(jdbc.sql("SELECT current_database()").query(String.class).single()).endsWith("backlog");
        lead = DeskClient.newUser(port, "lena", "LEAD");
        dev = DeskClient.newUser(port, "dave", "DEVELOPER");
        export = open("{\"title\":\"Export CSV des journaux\",\"type\":\"EVOLUTIVE\"}");
        CLOCK.advance(Duration.ofDays(1));
        deps = open("{\"title\":\"Mise à jour des dépendances\",\"type\":\"PREVENTIVE\"}");
        CLOCK.advance(Duration.ofDays(1));
        debt = open("{\"title\":\"Refondre le calcul SLA | v2\",\"type\":\"CORRECTIVE\",\"labels\":[\"tech-debt\"]}");
        bug = open("{\"title\":\"Bouton cassé\",\"type\":\"CORRECTIVE\"}");
        rejected = open("{\"title\":\"Idée abandonnée\",\"type\":\"EVOLUTIVE\"}");
        assertThat(lead.post("/api/v1/tickets/" + rejected + "/transitions",
                "{\"to\":\"REJECTED\",\"reason\":\"won't fix\"}").status()).isEqualTo(200);
        CLOCK.set(OffsetDateTime.parse("2026-03-12T10:00:00+01:00").toInstant());
    }

    private long open(String json) {
        Response created = lead.post("/api/v1/tickets", json);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("number").asLong();
    }

    private static List<Long> order(JsonNode backlog) {
        List<Long> numbers = new ArrayList<>();
        backlog.get("items").forEach(i -> numbers.add(i.get("number").asLong()));
        return numbers;
    }

    private static JsonNode item(JsonNode backlog, long number) {
        for (JsonNode i : backlog.get("items")) {
            if (i.get("number").asLong() == number) {
                return i;
            }
        }
        throw new AssertionError("#" + number + " is not in " + backlog);
    }

    private Response score(DeskClient who, long number, String json) {
        return who.send("PUT", "/api/v1/backlog/tickets/" + number + "/score", json);
    }

    @Test
    @Order(1)
    void theScopeIsOpenEvolutiveAndPreventiveTicketsAndTechDebtOrderedByScore() {
        JsonNode before = lead.get("/api/v1/backlog").json();
        assertThat(order(before)).containsExactly(export, deps, debt); // unscored: oldest first
        assertThat(item(before, export).get("reason").get("code").asString()).isEqualTo("UNSCORED");
        assertThat(before.get("techDebt").get("count").asInt()).isEqualTo(1);
        assertThat(before.get("techDebt").get("percent").asInt()).isEqualTo(33);
        assertThat(before.get("techDebt").get("oldestAgeDays").asLong()).isEqualTo(8);
        assertThat(before.get("month").asString()).isEqualTo("2026-03");

        assertThat(score(lead, export, "{\"userValue\":2,\"technicalRisk\":2}").status()).isEqualTo(200);
        assertThat(score(lead, deps, "{\"userValue\":5,\"technicalRisk\":4}").status()).isEqualTo(200);
        Response scored = score(lead, debt, "{\"userValue\":3,\"technicalRisk\":3}");
        assertThat(scored.status()).isEqualTo(200);
        JsonNode after = scored.json();
        assertThat(order(after)).containsExactly(deps, debt, export);
        assertThat(item(after, deps).get("score").asInt()).isEqualTo(20);
        assertThat(item(after, deps).get("rank").asInt()).isEqualTo(1);
        assertThat(item(after, deps).get("reason").get("code").asString()).isEqualTo("SCORE");

        // one value alone keeps the other
        JsonNode risk = score(lead, export, "{\"technicalRisk\":1}").json();
        assertThat(item(risk, export).get("userValue").asInt()).isEqualTo(2);
        assertThat(item(risk, export).get("score").asInt()).isEqualTo(2);
    }

    @Test
    @Order(2)
    void aScoreOutsideOneToFiveIsA400NamingTheFieldAndChangesNothing() {
        Response low = score(lead, deps, "{\"userValue\":0,\"technicalRisk\":6}");
        assertThat(low.status()).isEqualTo(400);
        assertThat(low.contentType()).startsWith("application/problem+json");
        assertThat(low.json().get("field").asString()).isEqualTo("userValue");
        assertThat(low.body()).contains("technicalRisk", "score-range");
        Response text = score(lead, deps, "{\"userValue\":\"five\"}");
        assertThat(text.status()).isEqualTo(400);
        assertThat(score(lead, deps, "{}").status()).isEqualTo(400);
        assertThat(item(lead.get("/api/v1/backlog").json(), deps).get("score").asInt()).isEqualTo(20);

        assertThat(score(dev, deps, "{\"userValue\":1}").status()).isEqualTo(403);
        assertThat(score(lead, bug, "{\"userValue\":1}").status()).isEqualTo(409);
        assertThat(score(lead, rejected, "{\"userValue\":1}").status()).isEqualTo(409);
        assertThat(score(lead, 999_999, "{\"userValue\":1}").status()).isEqualTo(404);
        assertThat(item(lead.get("/api/v1/backlog").json(), deps).get("score").asInt()).isEqualTo(20);
    }

    @Test
    @Order(3)
    void aBlockerGoesFirstSayingWhatItBlocksAndTiesGoToTheOlder() {
        // #export (score 2) blocks #deps (score 20): it comes first and says so
        Response linked = lead.post("/api/v1/backlog/tickets/" + export + "/dependencies", "{\"blocks\":" + deps + "}");
        assertThat(linked.status()).as(linked.toString()).isEqualTo(200);
        JsonNode backlog = linked.json();
        assertThat(order(backlog)).containsExactly(export, deps, debt);
        assertThat(item(backlog, export).get("reason").get("code").asString()).isEqualTo("BLOCKS");
        assertThat(item(backlog, export).get("reason").get("tickets").get(0).asLong()).isEqualTo(deps);
        assertThat(item(backlog, deps).get("blockedBy").get(0).asLong()).isEqualTo(export);
        // a BLOCKED_BY link on the blocked ticket counts the same
        assertThat(lead.delete("/api/v1/tickets/" + export + "/links?kind=BLOCKS&target=%23" + deps).status()).isEqualTo(200);
        assertThat(lead.post("/api/v1/tickets/" + deps + "/links", "{\"kind\":\"BLOCKED_BY\",\"target\":\"#" + export + "\"}")
                .status()).isEqualTo(200);
        assertThat(order(lead.get("/api/v1/backlog").json())).containsExactly(export, deps, debt);

        // #debt now ties with #deps's chain: same score 20 as #deps, but #export (blocker of 20) is older
        JsonNode tied = score(lead, debt, "{\"userValue\":4,\"technicalRisk\":5}").json();
        assertThat(order(tied)).containsExactly(debt, export, deps);
        assertThat(score(lead, debt, "{\"userValue\":4,\"technicalRisk\":1}").status()).isEqualTo(200);
        JsonNode older = score(lead, export, "{\"userValue\":2,\"technicalRisk\":2}").json();
        // #export and #debt both score 4 on their own; #export also unblocks 20
        assertThat(order(older)).containsExactly(export, deps, debt);
    }

    @Test
    @Order(4)
    void aDependencyOnItselfIsA400AndACycleIsA409NamingItsTickets() {
        int links = lead.get("/api/v1/tickets/" + export).json().get("links").size();
        Response self = lead.post("/api/v1/backlog/tickets/" + export + "/dependencies", "{\"blocks\":" + export + "}");
        assertThat(self.status()).isEqualTo(400);
        assertThat(self.contentType()).startsWith("application/problem+json");
        assertThat(self.json().get("field").asString()).isEqualTo("blocks");
        assertThat(self.body()).contains("self-link");
        assertThat(lead.post("/api/v1/backlog/tickets/" + export + "/dependencies", "{}").status()).isEqualTo(400);
        assertThat(dev.post("/api/v1/backlog/tickets/" + export + "/dependencies", "{\"blocks\":" + debt + "}").status())
                .isEqualTo(403);

        // #deps blocking #export would close a cycle: refused, naming it, and the link is not kept
        Response closing = lead.post("/api/v1/backlog/tickets/" + deps + "/dependencies", "{\"blocks\":" + export + "}");
        assertThat(closing.status()).isEqualTo(409);
        String cycle = "#" + export + " → #" + deps + " → #" + export;
        assertThat(closing.json().get("detail").asString()).contains(cycle);
        assertThat(closing.json().get("cycle").toString()).isEqualTo("[" + export + "," + deps + "," + export + "]");
        assertThat(lead.get("/api/v1/tickets/" + deps).json().get("links").toString()).doesNotContain("\"BLOCKS\"");
        assertThat(lead.get("/api/v1/tickets/" + export).json().get("links").size()).isEqualTo(links);

        // made through the tickets' own links, the cycle makes the ordered backlog a 409 naming it
        assertThat(dev.post("/api/v1/tickets/" + deps + "/links", "{\"kind\":\"BLOCKS\",\"target\":\"#" + export + "\"}")
                .status()).isEqualTo(200);
        Response refused = lead.get("/api/v1/backlog");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("detail").asString()).contains(cycle);
        // the month's view still lists the scope, by score, with the cycle named
        JsonNode month = lead.get("/api/v1/backlog/2026-03").json();
        assertThat(month.get("cycle").toString()).isEqualTo("[" + export + "," + deps + "," + export + "]");
        assertThat(month.get("items").size()).isEqualTo(3);
        // and the page says it, naming the tickets, in French
        DeskClient page = DeskClient.browserLogin(port, "lena", "pw-lena-0123456789");
        Response shown = page.get("/backlog");
        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.body()).contains("Les dépendances forment un cycle", "Ces tickets se bloquent en boucle : " + cycle,
                "Le backlog par score seul");
        assertThat(dev.delete("/api/v1/tickets/" + deps + "/links?kind=BLOCKS&target=%23" + export).status()).isEqualTo(200);
        assertThat(lead.get("/api/v1/backlog").status()).isEqualTo(200);
    }

    @Test
    @Order(5)
    void decisionsAndAttendeesMakeTheMinutesExportedAsMarkdown() {
        String march = "/api/v1/backlog/2026-03";
        Response noRelease = lead.send("PUT", march + "/decisions/" + deps, "{\"decision\":\"PLAN\"}");
        assertThat(noRelease.status()).isEqualTo(400);
        assertThat(noRelease.json().get("field").asString()).isEqualTo("release");
        assertThat(lead.send("PUT", march + "/decisions/" + deps, "{\"decision\":\"LATER\"}").status()).isEqualTo(400);
        assertThat(dev.send("PUT", march + "/decisions/" + deps, "{\"decision\":\"KEEP\"}").status()).isEqualTo(403);
        assertThat(lead.send("PUT", "/api/v1/backlog/2026-13/decisions/" + deps, "{\"decision\":\"KEEP\"}").status())
                .isEqualTo(400);
        assertThat(lead.send("PUT", march + "/decisions/" + bug, "{\"decision\":\"KEEP\"}").status()).isEqualTo(409);
        assertThat(reviews.minutes(java.time.YearMonth.of(2026, 3))).isEmpty();

        assertThat(lead.send("PUT", march + "/decisions/" + deps, "{\"decision\":\"PLAN\",\"release\":\"1.4.0\"}")
                .status()).isEqualTo(200);
        assertThat(lead.send("PUT", march + "/decisions/" + debt, "{\"decision\":\"DROP\"}").status()).isEqualTo(200);
        Response keep = lead.send("PUT", march + "/decisions/" + export, "{\"decision\":\"KEEP\"}");
        assertThat(keep.json().get("decisions").size()).isEqualTo(3);

        Response unknown = lead.send("PUT", march + "/attendance",
                "{\"heldOn\":\"2026-03-12\",\"attendees\":[\"lena\",\"nobody\"]}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("field").asString()).isEqualTo("attendees[1]");
        assertThat(lead.send("PUT", march + "/attendance", "{\"heldOn\":\"2026-04-01\",\"attendees\":[\"lena\"]}")
                .json().get("field").asString()).isEqualTo("heldOn");
        assertThat(reviews.minutes(java.time.YearMonth.of(2026, 3)).orElseThrow().attendees()).isEmpty();
        Response attended = lead.send("PUT", march + "/attendance",
                "{\"heldOn\":\"2026-03-12\",\"attendees\":[\"lena\",\"dave\"]}");
        assertThat(attended.status()).as(attended.toString()).isEqualTo(200);
        assertThat(attended.json().get("attendees").toString()).isEqualTo("[\"dave\",\"lena\"]");

        Response md = dev.get(march + "/minutes");
        assertThat(md.status()).isEqualTo(200);
        assertThat(md.contentType()).startsWith("text/markdown");
        assertThat(md.body()).startsWith("# Revue mensuelle du backlog — 2026-03\n\n- Date : 2026-03-12\n"
                        + "- Participants : dave, lena\n- Score : valeur utilisateur × risque technique\n")
                .contains("## Décisions\n", "| #" + deps + " | Mise à jour des dépendances | Planifier pour 1.4.0 | lena |",
                        "| #" + debt + " | Refondre le calcul SLA \\| v2 | Abandonner | lena |",
                        "| #" + export + " | Export CSV des journaux | Garder | lena |",
                        "## Backlog ordonné\n",
                        "| 1 | #" + export + " | Export CSV des journaux | 2 | 2 | 4 | bloque #" + deps + " |",
                        "| 2 | #" + deps + " | Mise à jour des dépendances | 5 | 4 | 20 | score 20 |",
                        "| 3 | #" + debt + " | Refondre le calcul SLA \\| v2 | 4 | 1 | 4 | score 4 |",
                        "## Dette technique\n", "- Tickets `tech-debt` : 1 sur 3 (33 %)",
                        "- Âge médian : 8 jours ; plus ancien : 8 jours");
        assertThat(dev.get(march + "/minutes?lang=en").body()).startsWith("# Monthly backlog review — 2026-03")
                .contains("- Attendees: dave, lena", "| Plan for 1.4.0 |", "blocks #" + deps, "`tech-debt` tickets: 1 of 3 (33 %)");
    }

    @Test
    @Order(6)
    void thePreventiveReviewTicketIsLinkedOnceWithACommentPointingAtThePage() {
        long meeting = open("{\"title\":\"Revue backlog 2026-03\",\"type\":\"PREVENTIVE\"}");
        assertThat(order(lead.get("/api/v1/backlog").json())).contains(meeting);
        reviews.linkReviewTicket(new PreventiveTicketOpened("watch_consolidation", "2026-03", meeting));
        assertThat(reviews.minutes(java.time.YearMonth.of(2026, 3)).orElseThrow().reviewTicket()).isNull();
        reviews.linkReviewTicket(new PreventiveTicketOpened(BacklogReviews.PREVENTIVE_ACTION, "2026-03", meeting));
        reviews.linkReviewTicket(new PreventiveTicketOpened(BacklogReviews.PREVENTIVE_ACTION, "2026-03", meeting));
        assertThat(reviews.minutes(java.time.YearMonth.of(2026, 3)).orElseThrow().reviewTicket()).isEqualTo(meeting);
        JsonNode comments = lead.get("/api/v1/tickets/" + meeting + "/comments").json();
        assertThat(comments.size()).isEqualTo(1);
        assertThat(comments.get(0).get("body").asString()).contains("/backlog?month=2026-03");
        assertThat(dev.get("/api/v1/backlog/2026-03/minutes").body()).contains("- Ticket de la revue : #" + meeting);
        assertThat(DeskClient.browserLogin(port, "dave", "pw-dave-0123456789").get("/backlog").body())
                .contains("Ticket de la revue :", "href=\"/tickets/" + meeting + "\"");
        // the meeting's own ticket is not an item of the backlog it reviews
        assertThat(order(lead.get("/api/v1/backlog").json())).containsExactly(export, deps, debt);
        assertThat(lead.post("/api/v1/tickets/" + meeting + "/transitions", "{\"to\":\"REJECTED\",\"reason\":\"test\"}")
                .status()).isEqualTo(200);
    }

    @Autowired
    org.springframework.context.ApplicationEventPublisher events;

    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;

    @Test
    @Order(7)
    void theEventOfThePreventiveCalendarReachesTheReviewAfterItsTransaction() throws InterruptedException {
        long april = open("{\"title\":\"Revue backlog 2026-02\",\"type\":\"PREVENTIVE\"}");
        transactions.executeWithoutResult(s -> events.publishEvent(
                new PreventiveTicketOpened(BacklogReviews.PREVENTIVE_ACTION, "2026-02", april)));
        // the listener runs after the commit, on its own: wait for its comment, within a bound
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (lead.get("/api/v1/tickets/" + april + "/comments").json().isEmpty() && System.nanoTime() < until) {
            Thread.sleep(100);
        }
        assertThat(lead.get("/api/v1/tickets/" + april + "/comments").json().get(0).get("body").asString())
                .contains("/backlog?month=2026-02");
        assertThat(reviews.minutes(java.time.YearMonth.of(2026, 2)).orElseThrow().reviewTicket()).isEqualTo(april);
        assertThat(lead.post("/api/v1/tickets/" + april + "/transitions", "{\"to\":\"REJECTED\",\"reason\":\"test\"}")
                .status()).isEqualTo(200);
    }

    @Test
    @Order(8)
    void aPastMonthIsReadOnlyAndShowsTheBacklogItWasDecidedOn() {
        CLOCK.set(OffsetDateTime.parse("2026-04-02T10:00:00+02:00").toInstant());
        try {
            Response closed = lead.send("PUT", "/api/v1/backlog/2026-03/decisions/" + export, "{\"decision\":\"DROP\"}");
            assertThat(closed.status()).isEqualTo(409);
            assertThat(closed.body()).contains("backlog-review-closed");
            assertThat(lead.send("PUT", "/api/v1/backlog/2026-03/attendance",
                    "{\"heldOn\":\"2026-03-12\",\"attendees\":[\"lena\"]}").status()).isEqualTo(409);
            // today's scores change April's order, not March's minutes
            assertThat(score(lead, debt, "{\"userValue\":5,\"technicalRisk\":5}").status()).isEqualTo(200);
            JsonNode march = lead.get("/api/v1/backlog/2026-03").json();
            assertThat(march.get("open").asBoolean()).isFalse();
            assertThat(order(march)).containsExactly(export, deps, debt);
            assertThat(march.get("minutes").get("decisions").size()).isEqualTo(3);
            assertThat(order(lead.get("/api/v1/backlog").json())).containsExactly(debt, export, deps);
            String page = DeskClient.browserLogin(port, "lena", "pw-lena-0123456789").get("/backlog?month=2026-03").body();
            assertThat(page).contains("La revue de mars 2026 est close", "Planifié pour 1.4.0", "Abandonner", "dave, lena")
                    .doesNotContain("score-form", "decision-form", "minutes-form", "dependency-form");
            assertThat(lead.get("/api/v1/backlog/2026-01").status()).isEqualTo(404);
            assertThat(lead.get("/api/v1/backlog/2026-05").status()).isEqualTo(400);
            assertThat(lead.get("/api/v1/backlog/2026-01/minutes").status()).isEqualTo(404);
        } finally {
            CLOCK.set(OffsetDateTime.parse("2026-03-12T10:00:00+01:00").toInstant());
        }
    }
}
