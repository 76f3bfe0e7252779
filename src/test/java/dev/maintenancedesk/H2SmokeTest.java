package dev.maintenancedesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The evaluation default: no DESK_DATABASE_URL, so the embedded H2 file database. Proves the Flyway
 * migrations (written for PostgreSQL) also run on H2 in PostgreSQL mode and that the app serves.
 * Deliberately not {@link DeskTest}, which points the app at PostgreSQL.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"server.shutdown=immediate", "spring.datasource.username=", "spring.datasource.password=",
                "DESK_ADMIN_PASSWORD=" + DeskTest.ADMIN_PASSWORD, "DESK_ADMIN_TOKEN=" + DeskTest.ADMIN_TOKEN})
class H2SmokeTest {

    @TempDir
    static Path dataDirectory;

    /** Same options as the default URL of application.properties; only the file moves to a temp dir. */
    @DynamicPropertySource
    static void h2File(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + dataDirectory.resolve("desk").toAbsolutePath()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=FALSE");
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void runsOnTheEmbeddedH2Database() throws Exception {
        assertThat(jdbc.queryForObject("SELECT H2VERSION()", String.class)).isNotBlank();
        assertThat(jdbc.queryForObject(
                "SELECT COUNT(*) FROM flyway_schema_history WHERE success = FALSE", Integer.class)).isZero();
        assertThat(jdbc.queryForObject(
                "SELECT COUNT(*) FROM flyway_schema_history WHERE success = TRUE", Integer.class)).isPositive();
    }

    @Test
    void answersHealthUp() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"UP\"");
    }

    @Test
    void ticketsWorkEndToEndOnH2() {
        DeskClient admin = DeskClient.admin(port);
        DeskClient.Response created = admin.post("/api/v1/tickets",
                "{\"title\":\"Incident sur H2\",\"type\":\"CORRECTIVE\",\"priority\":\"P2\",\"labels\":[\"bug\"]}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long n = created.json().get("number").asLong();
        assertThat(admin.post("/api/v1/tickets/" + n + "/transitions", "{\"to\":\"TRIAGED\"}").status()).isEqualTo(200);
        assertThat(admin.get("/api/v1/tickets?label=bug&text=h2").json().get("items").get(0).get("number").asLong())
                .isEqualTo(n);
        assertThat(admin.get("/api/v1/tickets/" + n + "/history").json().size()).isGreaterThanOrEqualTo(2);
        // a ticket's labels and links come in the same statement as the ticket (SQL arrays, H2's as PostgreSQL's)
        long other = admin.post("/api/v1/tickets", "{\"title\":\"Autre\"}").json().get("number").asLong();
        assertThat(admin.post("/api/v1/tickets/" + n + "/links", "{\"kind\":\"RELATES_TO\",\"target\":\"#"
                + other + "\"}").status()).isEqualTo(200);
        assertThat(admin.post("/api/v1/tickets/" + n + "/links", "{\"kind\":\"PULL_REQUEST\",\"target\":\"#7\","
                + "\"merged\":true}").status()).isEqualTo(200);
        var read = admin.get("/api/v1/tickets/" + n).json();
        assertThat(read.get("labels").toString()).isEqualTo("[\"bug\"]");
        assertThat(read.get("links").toString()).isEqualTo("[{\"kind\":\"RELATES_TO\",\"target\":\"#" + other
                + "\",\"merged\":false,\"mergedPullRequest\":false},{\"kind\":\"PULL_REQUEST\",\"target\":\"#7\","
                + "\"merged\":true,\"mergedPullRequest\":true}]");
        DeskClient browser = DeskClient.browserLogin(port, "admin", DeskTest.ADMIN_PASSWORD);
        assertThat(browser.get("/tickets").body()).contains("Incident sur H2").contains("class=\"sla-badge");
        assertThat(browser.get("/tickets/" + n).body()).contains("data-clock=\"RESOLUTION\"");
        DeskClient.Response home = browser.get("/");
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.body()).as("an admin's home: the lead's queues").contains("À qualifier").contains("Non attribués")
                .contains("data-release=\"MINOR\"");
    }
}
