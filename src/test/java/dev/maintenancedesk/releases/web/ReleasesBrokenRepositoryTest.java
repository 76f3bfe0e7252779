package dev.maintenancedesk.releases.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maintenancedesk.DeskClient;
import dev.maintenancedesk.DeskClient.Response;
import dev.maintenancedesk.DeskTest;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A repository setting naming a directory that is not a git repository: the app starts, the page says so. */
@DeskTest
class ReleasesBrokenRepositoryTest {

    @TempDir
    static Path dir;

    @DynamicPropertySource
    static void repository(DynamicPropertyRegistry registry) {
        registry.add("desk.releases.repository", () -> dir.toString());
    }

    @LocalServerPort
    int port;

    @Test
    void thePageShowsTheProblemAndTheRestOfThePage() {
        Response page = DeskClient.browserLogin(port, "admin", DeskTest.ADMIN_PASSWORD).get("/releases");
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        assertThat(page.body()).contains("Dépôt git illisible").contains(dir + " is not a git repository")
                .contains("DESK_RELEASES_REPOSITORY").contains("next-windows").doesNotContain("next-release");
    }

    @Test
    void theApiAnswers503WithAProblem() {
        Response r = DeskClient.admin(port).get("/api/v1/releases");
        assertThat(r.status()).as(r.toString()).isEqualTo(503);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("detail").asString()).contains(dir + " is not a git repository");
    }
}
