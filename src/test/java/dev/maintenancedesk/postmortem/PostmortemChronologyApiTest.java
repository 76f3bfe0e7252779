package dev.maintenancedesk.postmortem;

import static dev.maintenancedesk.DeskClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.maintenancedesk.DeskClient;
import dev.maintenancedesk.DeskClient.Response;
import dev.maintenancedesk.DeskTest;
import dev.maintenancedesk.MutableClock;
import dev.maintenancedesk.sla.Sla;
import dev.maintenancedesk.sla.SlaWatch;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The chronology of an incident is pre-filled from its real history (creation, priority change, states,
 * assignment, a merged pull request) and its SLA breach, in time order and in the team's zone; the team
 * then adds, rewords and removes lines. The impact window refuses an end before its start.
 */
@DeskTest
class PostmortemChronologyApiTest {

    static final MutableClock CLOCK = new MutableClock(OffsetDateTime.parse("2026-03-10T16:00:00+01:00").toInstant());

    @TestConfiguration
    static class PinnedTime {
        @Bean
        @Primary
        Clock testClock() {
            return CLOCK;
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    Sla sla;

    @Autowired
    SlaWatch watch;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theChronologyFollowsTheHistoryAndTheSlaInTimeOrderThenTheTeamEditsIt() {
        CLOCK.set(OffsetDateTime.parse("2026-03-10T16:00:00+01:00").toInstant());
        DeskClient admin = DeskClient.admin(port);
        long n = admin.post("/api/v1/tickets", "{\"title\":\"Paiements refusés\",\"type\":\"CORRECTIVE\",\"priority\":\"P2\"}")
                .json().get("number").asLong();
        String t = "/api/v1/tickets/" + n;
        at("16:05");
        assertThat(admin.patch(t, json("{\"version\":%s,\"priority\":\"P1\"}", version(admin, n))).status()).isEqualTo(200);
        at("16:10");
        move(admin, n, "TRIAGED");
        // P1 take-charge: 1 business hour from creation (16:00) -> 17:00; nobody took it.
        sla.refresh(n);
        at("17:10");
        watch.scan();
        at("17:15");
        admin.patch(t, json("{\"version\":%s,\"assignee\":\"admin\"}", version(admin, n)));
        move(admin, n, "ASSIGNED");
        at("17:20");
        move(admin, n, "IN_PROGRESS");
        at("17:40");
        assertThat(admin.post(t + "/links", "{\"kind\":\"PULL_REQUEST\",\"target\":\"#42\",\"merged\":true}").status())
                .isEqualTo(200);

        JsonNode pm = admin.get(t + "/postmortem").json();
        assertThat(pm.get("zone").asString()).isEqualTo("Europe/Paris");
        List<String> lines = lines(pm);
        assertThat(lines).containsSubsequence(
                "2026-03-10T16:00+01:00 TICKET Ticket ouvert par admin",
                "2026-03-10T16:00+01:00 TICKET Priorité P2 (par admin)",
                "2026-03-10T16:05+01:00 TICKET Priorité : P2 → P1 (par admin)",
                "2026-03-10T16:10+01:00 TICKET État : Création → Qualification (par admin)",
                "2026-03-10T17:00+01:00 SLA SLA de prise en compte dépassé (échéance 2026-03-10 17:00)",
                "2026-03-10T17:15+01:00 TICKET Assigné à admin (par admin)",
                "2026-03-10T17:15+01:00 TICKET État : Qualification → Attribution (par admin)",
                "2026-03-10T17:20+01:00 TICKET État : Attribution → Implémentation (par admin)",
                "2026-03-10T17:40+01:00 TICKET Pull request #42 liée, fusionnée (par admin)");
        List<OffsetDateTime> times = new ArrayList<>();
        pm.get("chronology").forEach(l -> times.add(OffsetDateTime.parse(l.get("at").asString())));
        assertThat(times).isSortedAccordingTo((a, b) -> a.toInstant().compareTo(b.toInstant()));
        assertThat(pm.get("missing").toString()).contains("postmortem.timeline");

        // In English on request, the same lines in English.
        assertThat(lines(admin.get(t + "/postmortem?lang=en").json())).contains(
                "2026-03-10T16:05+01:00 TICKET Priority: P2 → P1 (by admin)");

        // The team adds a line, rewords the creation and removes the IN_PROGRESS move.
        Response added = admin.post(t + "/postmortem/chronology", "{\"at\":\"2026-03-10T15:55\",\"text\":\"Alerte Grafana : erreurs 502\"}");
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        String created = key(pm, "Ticket ouvert par admin");
        String progress = key(pm, "Attribution → Implémentation");
        assertThat(admin.send("PUT", t + "/postmortem/chronology/" + created,
                "{\"at\":\"2026-03-10T16:01:00+01:00\",\"text\":\"Incident déclaré par l’astreinte\"}").status()).isEqualTo(200);
        assertThat(admin.delete(t + "/postmortem/chronology/" + progress).status()).isEqualTo(200);
        JsonNode edited = admin.get(t + "/postmortem").json();
        List<String> after = lines(edited);
        assertThat(after.get(0)).isEqualTo("2026-03-10T15:55+01:00 TEAM Alerte Grafana : erreurs 502");
        assertThat(after).containsSubsequence("2026-03-10T15:55+01:00 TEAM Alerte Grafana : erreurs 502",
                "2026-03-10T16:00+01:00 TICKET Priorité P2 (par admin)",
                "2026-03-10T16:01+01:00 TICKET Incident déclaré par l’astreinte",
                "2026-03-10T16:05+01:00 TICKET Priorité : P2 → P1 (par admin)");
        assertThat(after).noneMatch(l -> l.contains("Attribution → Implémentation"));
        assertThat(edited.get("chronology").get(2).get("edited").asBoolean()).isTrue();
        assertThat(edited.get("missing").toString()).doesNotContain("postmortem.timeline");

        // Bad input: a time that is not one, an empty text, an unknown line; nothing written.
        int rows = rows(n);
        Response badTime = admin.post(t + "/postmortem/chronology", "{\"at\":\"demain matin\",\"text\":\"x\"}");
        assertThat(badTime.status()).isEqualTo(400);
        assertThat(badTime.contentType()).startsWith("application/problem+json");
        assertThat(badTime.json().get("field").asString()).isEqualTo("at");
        Response noText = admin.post(t + "/postmortem/chronology", "{\"at\":\"2026-03-10T16:00\",\"text\":\" \"}");
        assertThat(noText.status()).isEqualTo(400);
        assertThat(noText.json().get("field").asString()).isEqualTo("text");
        assertThat(admin.delete(t + "/postmortem/chronology/ticket:999999999").status()).isEqualTo(404);
        assertThat(rows(n)).isEqualTo(rows);
    }

    @Test
    void theImpactComputesItsDurationAndRefusesAnEndBeforeItsStart() {
        CLOCK.set(OffsetDateTime.parse("2026-03-11T10:00:00+01:00").toInstant());
        DeskClient admin = DeskClient.admin(port);
        long n = admin.post("/api/v1/tickets", "{\"title\":\"Lenteurs\",\"priority\":\"P1\"}").json().get("number").asLong();
        String t = "/api/v1/tickets/" + n + "/postmortem";
        Response reversed = admin.send("PUT", t + "/impact",
                "{\"startedAt\":\"2026-03-11T09:00\",\"detectedAt\":\"2026-03-11T08:30\",\"endedAt\":\"2026-03-11T08:00\"}");
        assertThat(reversed.status()).isEqualTo(400);
        assertThat(reversed.json().get("field").asString()).isEqualTo("detectedAt");
        assertThat(reversed.json().get("errors").toString()).contains("\"endedAt\"").contains("before-start");
        assertThat(admin.get(t).json().get("impact").get("startedAt").isNull()).isTrue();
        Response users = admin.send("PUT", t + "/impact", "{\"startedAt\":\"2026-03-11T09:00\",\"usersAffected\":\"beaucoup\"}");
        assertThat(users.status()).isEqualTo(400);
        assertThat(users.json().get("field").asString()).isEqualTo("usersAffected");

        Response ok = admin.send("PUT", t + "/impact", "{\"startedAt\":\"2026-03-11T09:00\",\"detectedAt\":\"2026-03-11T09:10\","
                + "\"endedAt\":\"2026-03-11T10:30:00+01:00\",\"usersAffected\":\"1200\"}");
        assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
        JsonNode impact = ok.json().get("impact");
        assertThat(impact.get("startedAt").asString()).isEqualTo("2026-03-11T09:00:00+01:00");
        assertThat(impact.get("durationMinutes").asLong()).isEqualTo(90);
        assertThat(impact.get("usersAffected").asInt()).isEqualTo(1200);
        assertThat(ok.json().get("missing").toString()).doesNotContain("postmortem.impact");
    }

    private int rows(long n) {
        return jdbc.sql("SELECT COUNT(*) FROM postmortem_timeline WHERE ticket_number = ?").param(n).query(Integer.class)
                .single();
    }

    private static List<String> lines(JsonNode pm) {
        List<String> lines = new ArrayList<>();
        pm.get("chronology").forEach(l -> lines.add(OffsetDateTime.parse(l.get("at").asString()).toString() + " "
                + l.get("source").asString() + " " + l.get("text").asString()));
        return lines;
    }

    private static String key(JsonNode pm, String text) {
        for (JsonNode l : pm.get("chronology")) {
            if (l.get("text").asString().contains(text)) {
                return l.get("key").asString();
            }
        }
        throw new AssertionError("no line " + text);
    }

    private static void at(String hhmm) {
        CLOCK.set(OffsetDateTime.parse("2026-03-10T" + hhmm + ":00+01:00").toInstant());
    }

    private static int version(DeskClient admin, long n) {
        return admin.get("/api/v1/tickets/" + n).json().get("version").asInt();
    }

    static void move(DeskClient admin, long n, String to) {
        Response r = admin.post("/api/v1/tickets/" + n + "/transitions", json("{\"to\":%s}", to));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
    }
}
