package dev.maintenancedesk.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.maintenancedesk.DeskClient;
import dev.maintenancedesk.DeskTest;
import dev.maintenancedesk.TestDatabase;
import dev.maintenancedesk.problem.InvalidInput;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Enumeration;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Backup → restore → verify over the suite's database, which by then holds every kind of record the desk
 * writes (users, tokens, tickets with labels, links, comments, history, SLA clocks, post-mortems, views…),
 * on real PostgreSQL databases and the H2 evaluation database.
 */
@DeskTest
class BackupRoundTripTest {

    @LocalServerPort
    int port;

    @Autowired
    DataSource source;

    @TempDir
    Path dir;

    private final Backups backups = new Backups(Clock.systemUTC());

    @BeforeEach
    void records() {
        DeskClient admin = DeskClient.admin(port);
        long a = admin.post("/api/v1/tickets", "{\"title\":\"Sauvegarde é ü 😀\",\"type\":\"CORRECTIVE\",\"priority\":\"P1\","
                + "\"labels\":[\"bug\",\"security\"],\"description\":\"ligne 1\\nligne 2\"}").json().get("number").asLong();
        long b = admin.post("/api/v1/tickets", "{\"title\":\"Bloqué\"}").json().get("number").asLong();
        assertThat(admin.post("/api/v1/tickets/" + a + "/links", "{\"kind\":\"BLOCKS\",\"target\":\"" + b + "\"}")
                .status()).isLessThan(300);
        assertThat(admin.post("/api/v1/tickets/" + a + "/comments", "{\"body\":\"un commentaire\"}").status())
                .isLessThan(300);
    }

    @Test
    void aRoundTripKeepsEveryRowAndChecksumAndNumberingContinues() throws Exception {
        Path file = dir.resolve("desk.backup");
        Manifest manifest = backups.create(source, file);
        assertThat(manifest.tables()).extracting(Manifest.Table::name)
                .contains("users", "api_tokens", "tickets", "ticket_labels", "ticket_links", "ticket_events",
                        "ticket_comments", "sla_clocks", "event_publication")
                .doesNotContain("flyway_schema_history", "spring_session");
        assertThat(manifest.tables().stream().filter(t -> t.rows() > 0).count()).isGreaterThanOrEqualTo(8);
        assertThat(manifest.sequences()).extracting(Manifest.Sequence::name).contains("ticket_number_seq");

        DataSource target = postgres("restore_a");
        backups.restore(file, target, false);
        Backups.Verification same = backups.verify(file, postgres("verify_a"));
        assertThat(same.ok()).as(same.report()).isTrue();
        assertThat(same.report()).contains("ok   tickets: ").contains("backup verified");

        // The restored database dumps to the very same manifest, and its ticket numbers continue.
        Path again = dir.resolve("again.backup");
        Manifest restored = backups.create(target, again);
        assertThat(hashes(restored)).isEqualTo(hashes(manifest));
        long next = new org.springframework.jdbc.core.JdbcTemplate(target)
                .queryForObject("SELECT nextval('ticket_number_seq')", Long.class);
        long max = new org.springframework.jdbc.core.JdbcTemplate(target)
                .queryForObject("SELECT max(number) FROM tickets", Long.class);
        assertThat(next).isGreaterThan(max);
    }

    @Test
    void fromTheH2EvaluationDatabaseToPostgresqlNothingIsLost() throws Exception {
        Path file = dir.resolve("pg.backup");
        Manifest original = backups.create(source, file);
        DataSource h2 = new DriverManagerDataSource("jdbc:h2:mem:backup-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "", "");
        backups.restore(file, h2, false);
        Path fromH2 = dir.resolve("h2.backup");
        Manifest evaluation = backups.create(h2, fromH2);
        assertThat(hashes(evaluation)).as("H2 holds the same rows").isEqualTo(hashes(original));

        DataSource production = postgres("from_h2");
        backups.restore(fromH2, production, false);
        assertThat(hashes(backups.create(production, dir.resolve("final.backup")))).isEqualTo(hashes(original));
    }

    @Test
    void aTamperedBackupFailsVerificationAndIsNotRestored() throws Exception {
        Path file = dir.resolve("good.backup");
        backups.create(source, file);
        Path tampered = dir.resolve("tampered.backup");
        rewrite(file, tampered, "tables/tickets.jsonl", s -> s.replaceFirst("Bloqué", "Débloqué"));

        Backups.Verification verdict = backups.verify(tampered, h2());
        assertThat(verdict.ok()).isFalse();
        assertThat(verdict.report()).contains("FAIL tickets").contains("backup NOT verified");
        DataSource target = postgres("tampered");
        assertThatThrownBy(() -> backups.restore(tampered, target, false)).isInstanceOf(InvalidInput.class)
                .hasMessageContaining("does not match its manifest");
        assertThat(new org.springframework.jdbc.core.JdbcTemplate(target).queryForList(
                "SELECT 1 FROM information_schema.tables WHERE table_name = 'tickets'")).as("nothing created").isEmpty();
    }

    @Test
    void aDatabaseWithDataIsReplacedOnlyWithForce() throws Exception {
        Path file = dir.resolve("force.backup");
        Manifest manifest = backups.create(source, file);
        DataSource target = postgres("force");
        backups.restore(file, target, false);
        assertThatThrownBy(() -> backups.restore(file, target, false)).isInstanceOf(InvalidInput.class)
                .hasMessageContaining("not empty");
        backups.restore(file, target, true);
        assertThat(hashes(backups.create(target, dir.resolve("after.backup")))).isEqualTo(hashes(manifest));
    }

    @Test
    void notABackupIsABadInputNotACrash() throws Exception {
        Path junk = Files.writeString(dir.resolve("junk.backup"), "not a zip");
        assertThatThrownBy(() -> backups.verify(junk, h2())).isInstanceOf(InvalidInput.class)
                .hasMessageContaining("not a readable backup file");
    }

    private static Map<String, String> hashes(Manifest manifest) {
        return manifest.tables().stream().collect(Collectors.toMap(Manifest.Table::name,
                t -> t.rows() + ":" + t.sha256()));
    }

    private static DataSource postgres(String suffix) {
        return new DriverManagerDataSource(TestDatabase.own("_bk_" + suffix), "", "");
    }

    private static DataSource h2() {
        return new DriverManagerDataSource("jdbc:h2:mem:backup-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "", "");
    }

    private static void rewrite(Path from, Path to, String entryName, java.util.function.UnaryOperator<String> change)
            throws IOException {
        try (ZipFile zip = new ZipFile(from.toFile()); OutputStream out = Files.newOutputStream(to);
                ZipOutputStream copy = new ZipOutputStream(out)) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                copy.putNextEntry(new ZipEntry(entry.getName()));
                try (InputStream in = zip.getInputStream(entry)) {
                    byte[] bytes = in.readAllBytes();
                    if (entry.getName().equals(entryName)) {
                        bytes = change.apply(new String(bytes, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
                    }
                    copy.write(bytes);
                }
                copy.closeEntry();
            }
        }
    }
}
