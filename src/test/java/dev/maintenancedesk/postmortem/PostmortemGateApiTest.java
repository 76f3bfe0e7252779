package dev.maintenancedesk.postmortem;

import static dev.maintenancedesk.DeskClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.maintenancedesk.DeskClient;
import dev.maintenancedesk.DeskClient.Response;
import dev.maintenancedesk.DeskTest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/** MERGED → CLOSED needs a completed post-mortem for P1 and security tickets (plan section 14). */
@DeskTest
class PostmortemGateApiTest {

    @LocalServerPort
    int port;

    @Test
    void aP1TicketClosesOnlyWithACompletePostmortem() {
        DeskClient admin = DeskClient.admin(port);
        long n = merged(admin, "{\"title\":\"Site down\",\"type\":\"CORRECTIVE\",\"priority\":\"P1\"}");
        Response refused = admin.post("/api/v1/tickets/" + n + "/transitions", "{\"to\":\"CLOSED\"}");
        assertThat(refused.status()).isEqualTo(422);
        // Each missing section is named, in the plan's order.
        assertThat(refused.json().get("missing").toString()).isEqualTo("[\"postmortem.timeline\",\"postmortem.impact\","
                + "\"postmortem.root_cause\",\"postmortem.immediate_actions\",\"postmortem.long_term_fixes\","
                + "\"postmortem.lessons\"]");

        Response empty = admin.get("/api/v1/tickets/" + n + "/postmortem");
        assertThat(empty.json().get("required").asBoolean()).isTrue();
        assertThat(empty.json().get("complete").asBoolean()).isFalse();
        List<String> keys = new ArrayList<>();
        empty.json().get("sections").forEach(s -> keys.add(s.get("key").asString()));
        assertThat(keys).hasSize(6);

        Map<String, String> all = new LinkedHashMap<>();
        keys.forEach(k -> all.put(k, "text for " + k));
        Map<String, String> allButLast = new LinkedHashMap<>(all);
        allButLast.remove(keys.getLast());
        int versionBefore = admin.get("/api/v1/tickets/" + n).json().get("version").asInt();
        write(admin, n, allButLast);
        Response stillRefused = admin.post("/api/v1/tickets/" + n + "/transitions", "{\"to\":\"CLOSED\"}");
        assertThat(stillRefused.status()).isEqualTo(422);
        assertThat(stillRefused.json().get("missing").toString()).isEqualTo("[\"postmortem." + keys.getLast() + "\"]");

        // Saving the post-mortem is in the ticket's typed history, and leaves the ticket's version alone.
        var history = admin.get("/api/v1/tickets/" + n + "/history").json();
        var last = history.get(history.size() - 1);
        assertThat(last.get("action").asString()).isEqualTo("POSTMORTEM_SAVED");
        assertThat(last.get("field").asString()).isEqualTo("postmortem");
        assertThat(last.get("actor").asString()).isEqualTo("admin");
        assertThat(admin.get("/api/v1/tickets/" + n).json().get("version").asInt()).isEqualTo(versionBefore);

        Response complete = write(admin, n, Map.of(keys.getLast(), "no more manual deploys on Friday"));
        assertThat(complete.json().get("complete").asBoolean()).isTrue();
        assertThat(admin.post("/api/v1/tickets/" + n + "/transitions", "{\"to\":\"CLOSED\"}").status()).isEqualTo(200);
    }

    @Test
    void securityTicketsNeedOneAndOthersDoNot() {
        DeskClient admin = DeskClient.admin(port);
        long security = merged(admin, "{\"title\":\"XSS\",\"type\":\"CORRECTIVE\",\"priority\":\"P3\",\"labels\":[\"security\"]}");
        assertThat(admin.post("/api/v1/tickets/" + security + "/transitions", "{\"to\":\"CLOSED\"}").status()).isEqualTo(422);
        long plain = merged(admin, "{\"title\":\"Typo\",\"type\":\"CORRECTIVE\",\"priority\":\"P3\"}");
        assertThat(admin.get("/api/v1/tickets/" + plain + "/postmortem").json().get("required").asBoolean()).isFalse();
        assertThat(admin.post("/api/v1/tickets/" + plain + "/transitions", "{\"to\":\"CLOSED\"}").status()).isEqualTo(200);
    }

    @Test
    void unknownSectionsAreRefused() {
        DeskClient admin = DeskClient.admin(port);
        long n = admin.post("/api/v1/tickets", "{\"title\":\"pm input\"}").json().get("number").asLong();
        Response r = write(admin, n, Map.of("gossip", "who did it"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("field").asString()).isEqualTo("sections.gossip");
        assertThat(r.json().get("type").asString()).isEqualTo("/problems/invalid-request");
        assertThat(r.json().get("errors").get(0).get("code").asString()).isEqualTo("unknown-section");
        assertThat(admin.get("/api/v1/tickets/999999/postmortem").status()).isEqualTo(404);
    }

    @Test
    void thirtyParallelFirstWritesAllSucceedAndLeaveAWholePostmortem() throws Exception {
        DeskClient admin = DeskClient.admin(port);
        long n = admin.post("/api/v1/tickets", "{\"title\":\"pm race\",\"priority\":\"P1\"}").json().get("number").asLong();
        Map<String, String> all = new LinkedHashMap<>();
        admin.get("/api/v1/tickets/" + n + "/postmortem").json().get("sections")
                .forEach(s -> all.put(s.get("key").asString(), "same text for " + s.get("key").asString()));
        List<Future<Response>> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(30)) {
            CountDownLatch start = new CountDownLatch(1);
            for (int i = 0; i < 30; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return write(admin, n, all);
                }));
            }
            start.countDown();
        }
        for (Future<Response> answer : answers) {
            assertThat(answer.get().status()).as(answer.get().toString()).isIn(200, 409);
        }
        Response stored = admin.get("/api/v1/tickets/" + n + "/postmortem");
        assertThat(stored.json().get("complete").asBoolean()).isTrue();
        stored.json().get("sections").forEach(s -> assertThat(s.get("text").asString())
                .isEqualTo("same text for " + s.get("key").asString()));
    }

    @Test
    void aSectionWithANulCharacterIsRefusedNamingIt() {
        DeskClient admin = DeskClient.admin(port);
        long n = admin.post("/api/v1/tickets", "{\"title\":\"pm nul\",\"priority\":\"P1\"}").json().get("number").asLong();
        String key = admin.get("/api/v1/tickets/" + n + "/postmortem").json().get("sections").get(0).get("key").asString();
        Response r = write(admin, n, Map.of(key, "a\u0000b"));
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("field").asString()).isEqualTo("sections." + key);
        assertThat(r.json().get("errors").get(0).get("code").asString()).isEqualTo("nul");
    }

    private static Response write(DeskClient admin, long n, Map<String, String> sections) {
        return admin.send("PUT", "/api/v1/tickets/" + n + "/postmortem",
                "{\"sections\":" + JsonMapper.builder().build().writeValueAsString(sections) + "}");
    }

    private static long merged(DeskClient admin, String ticket) {
        long n = admin.post("/api/v1/tickets", ticket).json().get("number").asLong();
        String t = "/api/v1/tickets/" + n;
        move(admin, n, "TRIAGED");
        admin.patch(t, json("{\"version\":%s,\"assignee\":\"admin\"}", admin.get(t).json().get("version").asInt()));
        move(admin, n, "ASSIGNED");
        move(admin, n, "IN_PROGRESS");
        admin.post(t + "/links", "{\"kind\":\"PULL_REQUEST\",\"target\":\"#1\",\"merged\":true}");
        admin.patch(t, json("{\"version\":%s,\"testEvidence\":\"ci\",\"releaseNote\":\"fixed\"}",
                admin.get(t).json().get("version").asInt()));
        move(admin, n, "IN_REVIEW");
        move(admin, n, "MERGED");
        return n;
    }

    private static void move(DeskClient admin, long n, String to) {
        Response r = admin.post("/api/v1/tickets/" + n + "/transitions", json("{\"to\":%s}", to));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
    }
}
