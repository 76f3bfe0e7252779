package dev.maintenancedesk.tickets;

import static dev.maintenancedesk.DeskClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.maintenancedesk.DeskClient;
import dev.maintenancedesk.DeskClient.Response;
import dev.maintenancedesk.DeskTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Every transition and gate of DESIGN §4, through the REST API, with the roles that may and may not. */
@DeskTest
class TicketWorkflowApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    static DeskClient reporter;
    static DeskClient otherReporter;
    static DeskClient developer;
    static DeskClient lead;

    @BeforeEach
    void users() {
        if (reporter == null) {
            reporter = DeskClient.newUser(port, "wf-rita", "REPORTER");
            otherReporter = DeskClient.newUser(port, "wf-oscar", "REPORTER");
            developer = DeskClient.newUser(port, "wf-dev", "DEVELOPER");
            lead = DeskClient.newUser(port, "wf-lead", "LEAD");
        }
    }

    @Test
    void aTicketWalksTheSevenStepsThroughEveryGate() {
        Response created = reporter.post("/api/v1/tickets", "{\"title\":\"Login page returns 500\"}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.contentType()).startsWith("application/json");
        long n = created.json().get("number").asLong();
        assertThat(created.header("Location")).endsWith("/api/v1/tickets/" + n);
        assertThat(created.json().get("state").asString()).isEqualTo("NEW");
        assertThat(created.json().get("reporter").asString()).isEqualTo("wf-rita");
        assertThat(created.json().get("createdAt").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?[+-]\\d\\d:\\d\\d");

        // NEW → TRIAGED: type and priority
        assertGate(developer.post(transitions(n), "{\"to\":\"TRIAGED\"}"), "type", "priority");
        patch(n, "{\"type\":\"CORRECTIVE\"}");
        assertGate(developer.post(transitions(n), "{\"to\":\"TRIAGED\"}"), "priority");
        patch(n, "{\"priority\":\"P2\",\"labels\":[\"bug\"]}");
        assertThat(reporter.post(transitions(n), "{\"to\":\"TRIAGED\"}").status()).isEqualTo(403);
        move(developer, n, "TRIAGED");

        // TRIAGED → ASSIGNED: an assignee who is a DEVELOPER or above
        assertGate(developer.post(transitions(n), "{\"to\":\"ASSIGNED\"}"), "assignee");
        Response notADeveloper = developer.patch(ticket(n), json("{\"version\":%s,\"assignee\":\"wf-oscar\"}", version(n)));
        assertThat(notADeveloper.status()).isEqualTo(400);
        assertThat(notADeveloper.json().get("field").asString()).isEqualTo("assignee");
        patch(n, "{\"assignee\":\"wf-dev\"}");
        move(developer, n, "ASSIGNED");

        // ASSIGNED → IN_PROGRESS: no gate
        move(developer, n, "IN_PROGRESS");

        // IN_PROGRESS → IN_REVIEW: a pull request and test evidence
        assertGate(developer.post(transitions(n), "{\"to\":\"IN_REVIEW\"}"), "pull_request", "test_evidence");
        assertThat(developer.post(ticket(n) + "/links",
                "{\"kind\":\"PULL_REQUEST\",\"target\":\"https://github.com/cesizen/api/pull/42\"}").status()).isEqualTo(200);
        assertGate(developer.post(transitions(n), "{\"to\":\"IN_REVIEW\"}"), "test_evidence");
        patch(n, "{\"testEvidence\":\"tests/test_login.py::test_500_is_gone\"}");
        move(developer, n, "IN_REVIEW");

        // IN_REVIEW → IN_PROGRESS (changes requested) and back
        move(developer, n, "IN_PROGRESS");
        move(developer, n, "IN_REVIEW");

        // IN_REVIEW → MERGED: merged PR, release note; API impact → docs and changelog
        patch(n, "{\"apiImpact\":true}");
        assertGate(developer.post(transitions(n), "{\"to\":\"MERGED\"}"),
                "pull_request_merged", "release_note", "docs_updated", "changelog_updated");
        developer.post(ticket(n) + "/links",
                "{\"kind\":\"PULL_REQUEST\",\"target\":\"https://github.com/cesizen/api/pull/42\",\"merged\":true}");
        patch(n, "{\"releaseNote\":\"Login no longer fails with a 500 error\",\"docsUpdated\":true}");
        assertGate(developer.post(transitions(n), "{\"to\":\"MERGED\"}"), "changelog_updated");
        patch(n, "{\"changelogUpdated\":true}");
        move(developer, n, "MERGED");

        // MERGED → CLOSED: validated by the reporter or a LEAD, not by another developer
        assertThat(developer.post(transitions(n), "{\"to\":\"CLOSED\"}").status()).isEqualTo(403);
        assertThat(otherReporter.post(transitions(n), "{\"to\":\"CLOSED\"}").status()).isEqualTo(403);
        Response closed = move(reporter, n, "CLOSED");
        assertThat(closed.json().get("validatedBy").asString()).isEqualTo("wf-rita");

        // CLOSED → TRIAGED: reopen by a LEAD with a reason
        assertThat(developer.post(transitions(n), "{\"to\":\"TRIAGED\",\"reason\":\"regression\"}").status()).isEqualTo(403);
        assertGate(lead.post(transitions(n), "{\"to\":\"TRIAGED\"}"), "reason");
        Response reopened = move(lead, n, "TRIAGED", "regression seen again in 1.4.1");
        assertThat(reopened.json().get("validatedBy").isNull()).isTrue();

        // The history lists every change with who and when, in order.
        List<JsonNode> history = new ArrayList<>();
        developer.get(ticket(n) + "/history").json().forEach(history::add);
        assertThat(history).allSatisfy(e -> {
            assertThat(e.get("actor").asString()).isNotBlank();
            assertThat(e.get("at").asString()).isNotBlank();
        });
        assertThat(history.getFirst().get("action").asString()).isEqualTo("CREATED");
        assertThat(history.getFirst().get("actor").asString()).isEqualTo("wf-rita");
        List<String> states = history.stream().filter(e -> e.get("action").asString().equals("TRANSITIONED"))
                .map(e -> e.get("after").asString()).toList();
        assertThat(states).containsExactly("TRIAGED", "ASSIGNED", "IN_PROGRESS", "IN_REVIEW", "IN_PROGRESS",
                "IN_REVIEW", "MERGED", "CLOSED", "TRIAGED");
        assertThat(history).anySatisfy(e -> {
            assertThat(e.get("field").asString()).isEqualTo("priority");
            assertThat(e.get("after").asString()).isEqualTo("P2");
            assertThat(e.get("actor").asString()).isEqualTo("wf-dev");
        });
        assertThat(history).anySatisfy(e -> {
            assertThat(e.get("reason").asString()).isEqualTo("regression seen again in 1.4.1");
            assertThat(e.get("actor").asString()).isEqualTo("wf-lead");
        });
        assertThat(history).anySatisfy(e -> assertThat(e.get("action").asString()).isEqualTo("LINKED"));
    }

    @Test
    void waitingNeedsAReasonAndReturnsOnlyWhereItCameFrom() {
        long n = triagedAndAssigned();
        move(developer, n, "IN_PROGRESS");
        assertGate(developer.post(transitions(n), "{\"to\":\"WAITING\"}"), "reason");
        Response waiting = move(developer, n, "WAITING", "waiting for the hosting provider");
        assertThat(waiting.json().get("waitingFrom").asString()).isEqualTo("IN_PROGRESS");
        Response elsewhere = developer.post(transitions(n), "{\"to\":\"ASSIGNED\"}");
        assertThat(elsewhere.status()).isEqualTo(409);
        assertThat(elsewhere.contentType()).startsWith("application/problem+json");
        assertThat(elsewhere.json().get("allowed").get(0).asString()).isEqualTo("IN_PROGRESS");
        Response back = move(developer, n, "IN_PROGRESS");
        assertThat(back.json().get("waitingFrom").isNull()).isTrue();
    }

    @Test
    void rejectingNeedsAReasonAndIsOnlyPossibleBeforeReview() {
        long n = create("{\"title\":\"Duplicate of the login bug\"}");
        assertGate(developer.post(transitions(n), "{\"to\":\"REJECTED\"}"), "reason");
        move(developer, n, "REJECTED", "duplicate of #1");
        assertThat(reporter.post(transitions(n), "{\"to\":\"TRIAGED\",\"reason\":\"not a duplicate\"}").status())
                .isEqualTo(403);
        move(lead, n, "TRIAGED", "not a duplicate after all");

        long inReview = inReview();
        Response refused = developer.post(transitions(inReview), "{\"to\":\"REJECTED\",\"reason\":\"won't fix\"}");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("from").asString()).isEqualTo("IN_REVIEW");
    }

    @Test
    void documentationOnlyTicketsNeedNoTestEvidence() {
        long n = triagedAndAssigned("{\"title\":\"Document the backup procedure\",\"type\":\"PREVENTIVE\","
                + "\"priority\":\"P4\",\"labels\":[\"documentation\"]}");
        move(developer, n, "IN_PROGRESS");
        developer.post(ticket(n) + "/links", "{\"kind\":\"PULL_REQUEST\",\"target\":\"#7\"}");
        move(developer, n, "IN_REVIEW");
    }

    @Test
    void aStaleVersionIsRefusedAndNothingIsOverwritten() {
        long n = create("{\"title\":\"Stale edits\"}");
        int v = version(n);
        assertThat(developer.patch(ticket(n), json("{\"version\":%s,\"title\":\"first edit\"}", v)).status()).isEqualTo(200);
        Response stale = developer.patch(ticket(n), json("{\"version\":%s,\"title\":\"second edit\"}", v));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.contentType()).startsWith("application/problem+json");
        assertThat(stale.json().get("currentVersion").asInt()).isEqualTo(v + 1);
        assertThat(developer.get(ticket(n)).json().get("title").asString()).isEqualTo("first edit");
        Response staleMove = developer.post(transitions(n), json("{\"to\":\"REJECTED\",\"reason\":\"x\",\"version\":%s}", v));
        assertThat(staleMove.status()).isEqualTo(409);
        assertThat(developer.get(ticket(n)).json().get("state").asString()).isEqualTo("NEW");
    }

    @Test
    void rolesLimitWhatEachUserMayDo() {
        long n = create("{\"title\":\"Rights\"}");
        assertThat(reporter.patch(ticket(n), json("{\"version\":%s,\"title\":\"Rights, reworded\"}", version(n))).status())
                .isEqualTo(200);
        Response priority = reporter.patch(ticket(n), json("{\"version\":%s,\"priority\":\"P1\"}", version(n)));
        assertThat(priority.status()).isEqualTo(403);
        assertThat(priority.contentType()).startsWith("application/problem+json");
        assertThat(otherReporter.patch(ticket(n), json("{\"version\":%s,\"title\":\"not mine\"}", version(n))).status())
                .isEqualTo(403);
        assertThat(otherReporter.post(ticket(n) + "/comments", "{\"body\":\"me too\"}").status()).isEqualTo(403);
        assertThat(reporter.post(ticket(n) + "/comments", "{\"body\":\"**still** happening\"}").status()).isEqualTo(201);
        assertThat(reporter.post(ticket(n) + "/links", "{\"kind\":\"COMMIT\",\"target\":\"abc1234\"}").status()).isEqualTo(403);
        assertThat(reporter.get(ticket(n) + "/transitions").json().size()).isZero();
        JsonNode moves = developer.get(ticket(n) + "/transitions").json();
        assertThat(moves.toString()).contains("TRIAGED", "WAITING", "REJECTED");
        assertThat(moves.get(0).get("to").asString()).isEqualTo("TRIAGED");
        assertThat(moves.get(0).get("missing").toString()).isEqualTo("[\"type\",\"priority\"]");
        assertThat(DeskClient.withToken(port, null).get(ticket(n)).status()).isEqualTo(401);
        assertThat(DeskClient.withToken(port, null).post(transitions(n), "{\"to\":\"TRIAGED\"}").status()).isEqualTo(401);
    }

    @Test
    void relatedTicketLinksMustPointAtExistingTickets() {
        long a = create("{\"title\":\"Blocker\"}");
        long b = create("{\"title\":\"Blocked\"}");
        Response linked = developer.post(ticket(b) + "/links", json("{\"kind\":\"BLOCKED_BY\",\"target\":%s}", "#" + a));
        assertThat(linked.status()).isEqualTo(200);
        assertThat(linked.json().get("links").get(0).get("target").asString()).isEqualTo("#" + a);
        assertThat(developer.post(ticket(b) + "/links", "{\"kind\":\"DUPLICATE_OF\",\"target\":\"#999999\"}").status())
                .isEqualTo(404);
        Response self = developer.post(ticket(b) + "/links", json("{\"kind\":\"BLOCKS\",\"target\":%s}", "#" + b));
        assertThat(self.status()).isEqualTo(400);
        assertThat(developer.delete(ticket(b) + "/links?kind=BLOCKED_BY&target=%23" + a).json().get("links").size()).isZero();
    }

    @Test
    void everyWriteAnswersTheVersionTheNextEditMustName() {
        long n = create("{\"title\":\"Export times out\",\"type\":\"CORRECTIVE\",\"priority\":\"P3\"}");
        Response moved = move(developer, n, "TRIAGED");
        assertThat(moved.json().get("version").asInt()).isEqualTo(version(n));
        Response edited = developer.patch(ticket(n), json("{\"version\":%s,\"assignee\":\"wf-dev\"}",
                moved.json().get("version").asInt()));
        assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
        assertThat(edited.json().get("version").asInt()).isEqualTo(moved.json().get("version").asInt() + 1)
                .isEqualTo(version(n));
        Response linked = developer.post(ticket(n) + "/links", "{\"kind\":\"PULL_REQUEST\",\"target\":\"#9\"}");
        Response again = developer.patch(ticket(n), json("{\"version\":%s,\"labels\":[\"bug\"]}",
                linked.json().get("version").asInt()));
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.json().get("labels").get(0).asString()).isEqualTo("bug");
        assertThat(again.json().get("links").get(0).get("target").asString()).isEqualTo("#9");
    }

    @Test
    void aMoveLeavesTheLabelAndLinkRowsAsTheyWere() {
        long n = create("{\"title\":\"Slow export\",\"type\":\"CORRECTIVE\",\"priority\":\"P3\","
                + "\"labels\":[\"bug\",\"performance\"]}");
        developer.post(ticket(n) + "/links", "{\"kind\":\"PULL_REQUEST\",\"target\":\"#10\"}");
        List<String> before = rowVersions(n);
        move(developer, n, "TRIAGED");
        assertThat(rowVersions(n)).hasSize(3).isEqualTo(before);
        patch(n, "{\"labels\":[\"bug\"]}");
        Response read = developer.get(ticket(n));
        assertThat(read.json().get("labels").size()).isEqualTo(1);
        assertThat(read.json().get("links").get(0).get("target").asString()).isEqualTo("#10");
        // the row's labels (lists, reads) and the label filter's index changed together
        assertThat(numbers(developer.get("/api/v1/tickets?label=performance&limit=200"))).doesNotContain(n);
        assertThat(numbers(developer.get("/api/v1/tickets?label=bug&limit=200"))).contains(n);
        assertThat(developer.get("/api/v1/tickets?label=bug&limit=200").json().get("items").valueStream()
                .filter(t -> t.get("number").asLong() == n).findFirst().orElseThrow().get("labels").get(0).asString())
                .isEqualTo("bug");
    }

    private static List<Long> numbers(Response list) {
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        return list.json().get("items").valueStream().map(t -> t.get("number").asLong()).toList();
    }

    /** Where each label and link row of the ticket is stored: a deleted and rewritten row moves. */
    private List<String> rowVersions(long n) {
        return jdbc.sql("SELECT CAST(ctid AS VARCHAR) || label FROM ticket_labels WHERE ticket_number = ?"
                + " UNION ALL SELECT CAST(ctid AS VARCHAR) || target FROM ticket_links WHERE ticket_number = ?"
                + " ORDER BY 1").params(n, n).query(String.class).list();
    }

    // --- helpers

    private long create(String body) {
        Response r = reporter.post("/api/v1/tickets", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("number").asLong();
    }

    private long triagedAndAssigned() {
        return triagedAndAssigned("{\"title\":\"Slow search\",\"type\":\"CORRECTIVE\",\"priority\":\"P3\"}");
    }

    private long triagedAndAssigned(String body) {
        long n = create(body);
        move(developer, n, "TRIAGED");
        patch(n, "{\"assignee\":\"wf-dev\"}");
        move(developer, n, "ASSIGNED");
        return n;
    }

    private long inReview() {
        long n = triagedAndAssigned();
        move(developer, n, "IN_PROGRESS");
        developer.post(ticket(n) + "/links", "{\"kind\":\"PULL_REQUEST\",\"target\":\"#8\"}");
        patch(n, "{\"testEvidence\":\"CI run 1234\"}");
        move(developer, n, "IN_REVIEW");
        return n;
    }

    private void patch(long n, String fields) {
        String body = "{\"version\":" + version(n) + "," + fields.substring(1);
        Response r = developer.patch(ticket(n), body);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
    }

    private int version(long n) {
        return developer.get(ticket(n)).json().get("version").asInt();
    }

    private static Response move(DeskClient who, long n, String to) {
        return move(who, n, to, null);
    }

    private static Response move(DeskClient who, long n, String to, String reason) {
        Response r = who.post(transitions(n), reason == null ? json("{\"to\":%s}", to) : json("{\"to\":%s,\"reason\":%s}", to, reason));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().get("state").asString()).isEqualTo(to);
        return r;
    }

    private static void assertGate(Response r, String... missing) {
        assertThat(r.status()).as(r.toString()).isEqualTo(422);
        assertThat(r.contentType()).startsWith("application/problem+json");
        List<String> actual = new ArrayList<>();
        r.json().get("missing").forEach(m -> actual.add(m.asString()));
        assertThat(actual).containsExactlyInAnyOrder(missing);
    }

    private static String ticket(long n) {
        return "/api/v1/tickets/" + n;
    }

    private static String transitions(long n) {
        return ticket(n) + "/transitions";
    }
}
