package dev.maintenancedesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maintenancedesk.TestDatabase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code desk backup create | verify | restore}: what they print and their exit codes (DESIGN §7). */
class BackupCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @AfterEach
    void forget() {
        System.clearProperty("DESK_DATABASE_URL");
    }

    private int desk(String... args) {
        return Desk.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void createsVerifiesAndRefusesToRestoreOverData() throws Exception {
        System.setProperty("DESK_DATABASE_URL", TestDatabase.url());
        // the schema exists even when no server test ran first
        org.flywaydb.core.Flyway.configure().dataSource(TestDatabase.url(), "", "")
                .locations("classpath:db/migration", "classpath:db/vendor/postgresql").load().migrate();
        try (var c = java.sql.DriverManager.getConnection(TestDatabase.url()); var st = c.createStatement()) {
            st.executeUpdate("INSERT INTO notifications_sent (notification_key, sent_at) VALUES ('backup-cli-"
                    + System.nanoTime() + "', now())");
        }
        Path file = dir.resolve("desk.backup");
        assertThat(desk("backup", "create", "--out", file.toString())).as(err.toString()).isZero();
        assertThat(out.toString()).startsWith("backup written to " + file).contains("tables").contains("schema version");
        assertThat(Files.exists(dir.resolve("desk.backup.partial"))).isFalse();

        assertThat(desk("backup", "verify", file.toString())).as(err.toString()).isZero();
        assertThat(out.toString()).contains("ok   tickets: ").contains("backup verified");

        assertThat(desk("backup", "restore", file.toString())).as("the database already holds data").isEqualTo(2);
        assertThat(err.toString()).startsWith("desk: ").contains("not empty").contains("--force");
    }

    @Test
    void aTamperedOrUnreadableFileIsSaidInOneLine() throws Exception {
        Path junk = Files.writeString(dir.resolve("junk.backup"), "not a zip");
        assertThat(desk("backup", "verify", junk.toString())).isEqualTo(2);
        assertThat(err.toString().strip()).startsWith("desk: ").contains("not a readable backup file").doesNotContain("\n");
        assertThat(desk("backup", "verify", dir.resolve("missing.backup").toString())).isEqualTo(2);
        assertThat(desk("backup", "create")).as("--out is required").isEqualTo(2);
    }
}
