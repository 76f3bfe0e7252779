package dev.maintenancedesk.tickets;

import static dev.maintenancedesk.DeskClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.maintenancedesk.DeskClient;
import dev.maintenancedesk.DeskClient.Response;
import dev.maintenancedesk.DeskTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Bad input gets a 400 problem naming the field, nothing is written, and no answer carries a trace. */
@DeskTest
class TicketInputApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    DeskClient admin;

    @BeforeEach
    void client() {
        admin = DeskClient.admin(port);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "malformed JSON            | {\"title\": \"x\"                      | ",
            "title of the wrong type   | {\"title\": 5}                         | title",
            "labels of the wrong type  | {\"title\": \"x\", \"labels\": \"bug\"}    | labels",
            "unknown priority          | {\"title\": \"x\", \"priority\": \"P9\"}   | priority",
            "priority as a number      | {\"title\": \"x\", \"priority\": 1}      | priority",
            "unknown type              | {\"title\": \"x\", \"type\": \"BUGFIX\"}   | type",
            "unknown field             | {\"title\": \"x\", \"severity\": \"high\"} | severity",
            "missing title             | {\"description\": \"no title\"}         | title",
            "blank title               | {\"title\": \"   \"}                    | title",
            "malformed label           | {\"title\": \"x\", \"labels\": [\"Bug Fix!\"]} | labels[0]",
            "unknown template          | {\"title\": \"x\", \"template\": \"nope\"}  | template",
            "not a JSON object         | [1, 2]                                 | ",
    })
    void badTicketsAreRefusedNamingTheField(String why, String body, String field) {
        long before = count();
        Response r = admin.post("/api/v1/tickets", body);
        assertProblem(r, 400);
        if (field != null) {
            assertThat(r.json().get("field").asString()).as(r.toString()).isEqualTo(field);
        }
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void aTitleOver200CharactersIsRefused() {
        long before = count();
        Response r = admin.post("/api/v1/tickets", json("{\"title\":%s}", "t".repeat(201)));
        assertProblem(r, 400);
        assertThat(r.json().get("field").asString()).isEqualTo("title");
        assertThat(count()).isEqualTo(before);
        assertThat(admin.post("/api/v1/tickets", json("{\"title\":%s}", "t".repeat(200))).status()).isEqualTo(201);
    }

    @Test
    void aDescriptionOver64KiBIsRefusedOnCreateAndOnEdit() {
        String tooLong = "é".repeat(32 * 1024 + 1);
        long before = count();
        Response r = admin.post("/api/v1/tickets", json("{\"title\":\"big\",\"description\":%s}", tooLong));
        assertProblem(r, 400);
        assertThat(r.json().get("field").asString()).isEqualTo("description");
        assertThat(count()).isEqualTo(before);

        Response created = admin.post("/api/v1/tickets", json("{\"title\":\"big\",\"description\":%s}", "a".repeat(65536)));
        assertThat(created.status()).isEqualTo(201);
        long n = created.json().get("number").asLong();
        Response edit = admin.patch("/api/v1/tickets/" + n, json("{\"version\":0,\"description\":%s}", tooLong));
        assertProblem(edit, 400);
        assertThat(admin.get("/api/v1/tickets/" + n).json().get("version").asInt()).isZero();
    }

    @Test
    void badTransitionsAreRefused() {
        long n = admin.post("/api/v1/tickets", "{\"title\":\"transition input\"}").json().get("number").asLong();
        String path = "/api/v1/tickets/" + n + "/transitions";
        Response unknownField = admin.post(path, "{\"to\":\"TRIAGED\",\"force\":true}");
        assertProblem(unknownField, 400);
        assertThat(unknownField.json().get("field").asString()).isEqualTo("force");
        Response unknownState = admin.post(path, "{\"to\":\"DONE\"}");
        assertProblem(unknownState, 400);
        assertThat(unknownState.json().get("field").asString()).isEqualTo("to");
        Response missingTarget = admin.post(path, "{}");
        assertProblem(missingTarget, 400);
        assertThat(missingTarget.json().get("field").asString()).isEqualTo("to");
        assertProblem(admin.post(path, ""), 400);
        Response wrongVersion = admin.post(path, "{\"to\":\"REJECTED\",\"reason\":\"x\",\"version\":\"zero\"}");
        assertProblem(wrongVersion, 400);
        assertThat(wrongVersion.json().get("field").asString()).isEqualTo("version");
        assertThat(admin.get("/api/v1/tickets/" + n + "/history").json().size()).isEqualTo(1);
    }

    @Test
    void badEditsAreRefused() {
        long n = admin.post("/api/v1/tickets", "{\"title\":\"edit input\"}").json().get("number").asLong();
        Response noVersion = admin.patch("/api/v1/tickets/" + n, "{\"title\":\"new\"}");
        assertProblem(noVersion, 400);
        assertThat(noVersion.json().get("field").asString()).isEqualTo("version");
        Response unknownAssignee = admin.patch("/api/v1/tickets/" + n, "{\"version\":0,\"assignee\":\"nobody\"}");
        assertProblem(unknownAssignee, 400);
        assertThat(unknownAssignee.json().get("field").asString()).isEqualTo("assignee");
        Response apiImpact = admin.patch("/api/v1/tickets/" + n, "{\"version\":0,\"apiImpact\":\"yes\"}");
        assertProblem(apiImpact, 400);
        assertThat(apiImpact.json().get("field").asString()).isEqualTo("apiImpact");
        assertThat(admin.get("/api/v1/tickets/" + n).json().get("title").asString()).isEqualTo("edit input");
    }

    @Test
    void unknownTicketsAndRoutesAre404() {
        assertProblem(admin.get("/api/v1/tickets/987654321"), 404);
        assertProblem(admin.post("/api/v1/tickets/987654321/transitions", "{\"to\":\"TRIAGED\"}"), 404);
        assertProblem(admin.get("/api/v1/tickets/987654321/history"), 404);
        assertProblem(admin.get("/api/v1/nothing-here"), 404);
        Response notANumber = admin.get("/api/v1/tickets/abc");
        assertProblem(notANumber, 400);
        assertThat(notANumber.json().get("field").asString()).isEqualTo("number");
    }

    @Test
    void badListParametersAreRefused() {
        Response state = admin.get("/api/v1/tickets?state=OPEN");
        assertProblem(state, 400);
        assertThat(state.json().get("field").asString()).isEqualTo("state");
        Response limit = admin.get("/api/v1/tickets?limit=100000");
        assertProblem(limit, 400);
        assertThat(limit.json().get("field").asString()).isEqualTo("limit");
    }

    private long count() {
        return jdbc.sql("SELECT COUNT(*) FROM tickets").query(Long.class).single()
                + jdbc.sql("SELECT COUNT(*) FROM ticket_events").query(Long.class).single();
    }

    static void assertProblem(Response r, int status) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.contentType()).as(r.toString()).startsWith("application/problem+json");
        assertThat(r.json().get("status").asInt()).isEqualTo(status);
        assertThat(r.body()).doesNotContain("Exception", "\tat ", "at dev.maintenancedesk", "at org.springframework");
    }
}
