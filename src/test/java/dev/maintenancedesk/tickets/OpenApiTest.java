package dev.maintenancedesk.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maintenancedesk.DeskClient;
import dev.maintenancedesk.DeskClient.Response;
import dev.maintenancedesk.DeskTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@DeskTest
class OpenApiTest {

    @LocalServerPort
    int port;

    @Test
    void theApiIsDescribedAtV3ApiDocs() {
        Response docs = DeskClient.withToken(port, null).get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().get("paths").has("/api/v1/tickets")).isTrue();
        assertThat(docs.json().get("paths").has("/api/v1/tickets/{number}/transitions")).isTrue();
        assertThat(docs.json().get("paths").get("/api/v1/tickets/{number}").has("patch")).isTrue();
    }
}
