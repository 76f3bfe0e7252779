package dev.maintenancedesk.tickets;

import static dev.maintenancedesk.DeskClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.maintenancedesk.DeskClient;
import dev.maintenancedesk.DeskClient.Response;
import dev.maintenancedesk.DeskTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Link targets over the API: junk refused with a code naming the target; the merged flag says who set it. */
@DeskTest
class TicketLinkApiTest {

    @LocalServerPort
    int port;

    @Test
    void junkTargetsAreRefusedAndTheMergedFlagIsInTheHistoryWithItsAuthor() {
        DeskClient admin = DeskClient.admin(port);
        DeskClient dev = DeskClient.newUser(port, "link-dev", "DEVELOPER");
        long n = admin.post("/api/v1/tickets", "{\"title\":\"Liens vérifiés\"}").json().get("number").asLong();
        String links = "/api/v1/tickets/" + n + "/links";

        Response pr = dev.post(links, json("{\"kind\":\"PULL_REQUEST\",\"target\":%s}", "pas une url"));
        assertThat(pr.status()).isEqualTo(400);
        assertThat(pr.json().get("errors").get(0).get("field").asString()).isEqualTo("target");
        assertThat(pr.json().get("errors").get(0).get("code").asString()).isEqualTo("pull-request-link");
        Response commit = dev.post(links, json("{\"kind\":\"COMMIT\",\"target\":%s}", "zzz pas un hash"));
        assertThat(commit.status()).isEqualTo(400);
        assertThat(commit.json().get("errors").get(0).get("code").asString()).isEqualTo("commit-link");
        assertThat(admin.get("/api/v1/tickets/" + n).json().get("links").size()).isZero();

        assertThat(dev.post(links, "{\"kind\":\"COMMIT\",\"target\":\"abcdef1\"}").status()).isEqualTo(200);
        assertThat(dev.post(links, "{\"kind\":\"PULL_REQUEST\",\"target\":\"https://github.com/cesizen/api/pull/7\"}")
                .status()).isEqualTo(200);
        assertThat(admin.post(links, "{\"kind\":\"PULL_REQUEST\",\"target\":\"https://github.com/cesizen/api/pull/7\","
                + "\"merged\":true}").status()).isEqualTo(200);

        var history = admin.get("/api/v1/tickets/" + n + "/history").json();
        var last = history.get(history.size() - 1);
        assertThat(last.get("action").asString()).isEqualTo("LINKED");
        assertThat(last.get("actor").asString()).isEqualTo("admin");
        assertThat(last.get("linkBefore").get("merged").asBoolean()).isFalse();
        assertThat(last.get("linkAfter").get("merged").asBoolean()).isTrue();
    }
}
