package dev.maintenancedesk.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maintenancedesk.DeskTest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

@DeskTest
class StoredSecretsTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theAdminPasswordIsStoredAsABcryptHash() {
        String hash = jdbc.queryForObject("SELECT password_hash FROM users WHERE username = 'admin'", String.class);

        assertThat(hash).startsWith("{bcrypt}$2").doesNotContain(DeskTest.ADMIN_PASSWORD);
        assertThat(everyValueOf("users")).noneMatch(value -> value.contains(DeskTest.ADMIN_PASSWORD));
    }

    @Test
    void tokensAreStoredAsSha256Only() throws Exception {
        String created = Http.json(new Http(port).send("POST", "/api/v1/me/tokens", "{\"name\":\"stored-secrets\"}",
                Http.bearer(DeskTest.ADMIN_TOKEN))).get("token").asString();

        for (String secret : List.of(DeskTest.ADMIN_TOKEN, created)) {
            String sha256 = HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM api_tokens WHERE token_hash = ?", Long.class, sha256))
                    .isEqualTo(1);
            // The display prefix is all that is kept in clear, and it is too short to be usable.
            assertThat(everyValueOf("api_tokens")).noneMatch(value -> value.contains(secret.substring(8)));
        }
    }

    private List<String> everyValueOf(String table) {
        return jdbc.queryForList("SELECT * FROM " + table).stream()
                .flatMap((Map<String, Object> row) -> row.values().stream())
                .map(String::valueOf).toList();
    }
}
