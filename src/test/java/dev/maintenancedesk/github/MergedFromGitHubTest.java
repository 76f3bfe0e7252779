package dev.maintenancedesk.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maintenancedesk.DeskClient;
import dev.maintenancedesk.DeskTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Once GitHub is connected, a pull request is merged when GitHub says so: nobody marks it merged by hand
 * (the MERGED gate cannot be met with a check box), and the ticket page does not offer the check box.
 */
class MergedFromGitHubTest extends GitHubApiContext {

    @LocalServerPort
    int port;

    @Test
    void nobodyMarksAPullRequestMergedByHand() {
        DeskClient admin = DeskClient.admin(port);
        long n = admin.post("/api/v1/tickets", "{\"title\":\"Fusion venue de GitHub\"}").json().get("number").asLong();
        String pr = "#42"; // the connected repository's pull request (the stand-in's host is not github.com)
        DeskClient.Response merged = admin.post("/api/v1/tickets/" + n + "/links",
                "{\"kind\":\"PULL_REQUEST\",\"target\":\"" + pr + "\",\"merged\":true}");
        assertThat(merged.status()).isEqualTo(403);
        assertThat(merged.json().get("type").asString()).isEqualTo("/problems/merged-from-github");
        assertThat(admin.get("/api/v1/tickets/" + n).json().get("links")).isEmpty();

        DeskClient.Response open = admin.post("/api/v1/tickets/" + n + "/links",
                "{\"kind\":\"PULL_REQUEST\",\"target\":\"" + pr + "\"}");
        assertThat(open.status()).as("linking an open pull request stays a person's").isLessThan(300);
        assertThat(admin.post("/api/v1/tickets/" + n + "/links",
                "{\"kind\":\"PULL_REQUEST\",\"target\":\"" + pr + "\",\"merged\":true}").status()).isEqualTo(403);

        DeskClient browser = DeskClient.browserLogin(port, "admin", DeskTest.ADMIN_PASSWORD);
        String page = browser.get("/tickets/" + n).body();
        assertThat(page).doesNotContain("id=\"link-merged\"").contains("id=\"merged-from-github\"")
                .contains("GitHub est connecté");
    }
}
