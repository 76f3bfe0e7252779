package dev.maintenancedesk.backup;

import dev.maintenancedesk.problem.FieldError;
import dev.maintenancedesk.problem.InvalidInput;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

/**
 * {@code desk backup create | restore | verify}. A backup is one ZIP file: {@code tables/<name>.jsonl} (one
 * JSON array per row, in primary-key order) and {@code manifest.json} ({@link Manifest}). It is read in one
 * REPEATABLE READ, read-only transaction, so it is a consistent snapshot while the desk keeps running.
 * A restore first brings the target's schema to the backup's version with the desk's own migrations, fills
 * the tables (a table before those that reference it) and sequences in one transaction, then migrates to the
 * current version: a backup of an older desk, or of the H2 evaluation database, lands in today's PostgreSQL.
 */
public final class Backups {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String MANIFEST = "manifest.json";

    private final Clock clock;

    public Backups(Clock clock) {
        this.clock = clock;
    }

    /** Writes the snapshot to {@code out} (through a temporary file: a failed backup leaves no half file). */
    public Manifest create(DataSource source, Path out) {
        Path partial = out.resolveSibling(out.getFileName() + ".partial");
        try (Connection connection = source.getConnection()) {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            Database db = new Database(connection);
            Manifest manifest;
            try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(partial))) {
                List<Manifest.Table> tables = new ArrayList<>();
                for (String table : db.tablesInInsertOrder()) {
                    zip.putNextEntry(new ZipEntry("tables/" + table + ".jsonl"));
                    tables.add(dump(db, table, zip));
                    zip.closeEntry();
                }
                manifest = new Manifest(Manifest.FORMAT, Instant.now(clock).toString(), schemaVersion(connection),
                        db.product(), tables, db.sequences());
                zip.putNextEntry(new ZipEntry(MANIFEST));
                zip.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
                zip.closeEntry();
            }
            connection.rollback();
            Files.move(partial, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return manifest;
        } catch (SQLException | IOException e) {
            deleteQuietly(partial);
            throw new IllegalStateException("backup failed: " + e.getMessage(), e);
        }
    }

    /**
     * Restores {@code file} into {@code target}: refused (400) when the target holds any row, unless
     * {@code force}, which empties it first; all or nothing.
     */
    public Manifest restore(Path file, DataSource target, boolean force) {
        try (Connection held = target.getConnection()) {
            if (new Database(held).postgres) {
                return restoreInto(file, target, force);
            }
            // H2 2.4 evaluates a CHECK constraint in the session that created it: once Flyway's connection is
            // closed, inserts fail ("database has been closed"). One connection does the whole restore.
            return restoreInto(file, new SingleConnectionDataSource(held, true), force);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open the target database: " + e.getMessage(), e);
        }
    }

    private Manifest restoreInto(Path file, DataSource target, boolean force) {
        try (ZipFile zip = open(file)) {
            Manifest manifest = manifest(zip);
            List<String> tampered = tampered(zip, manifest);
            if (!tampered.isEmpty()) {
                throw invalid("file", "tampered", "the backup's content does not match its manifest: "
                        + String.join(", ", tampered));
            }
            migrate(target, manifest.schemaVersion());
            try (Connection connection = target.getConnection()) {
                connection.setAutoCommit(false);
                try {
                    fill(connection, zip, manifest, force);
                    connection.commit();
                } catch (RuntimeException | SQLException e) {
                    connection.rollback();
                    throw e;
                } finally {
                    connection.setAutoCommit(true);
                }
            }
            migrate(target, null);
            return manifest;
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("restore failed: " + e.getMessage(), e);
        }
    }

    /** Empties the target's tables ({@code force}) and fills them and the sequences from the backup, in one transaction. */
    private static void fill(Connection connection, ZipFile zip, Manifest manifest, boolean force) throws SQLException {
        Database db = new Database(connection);
        List<String> order = db.tablesInInsertOrder();
        List<String> unknown = manifest.tables().stream().map(Manifest.Table::name)
                .filter(t -> !order.contains(t)).toList();
        if (!unknown.isEmpty()) {
            throw invalid("file", "unknown-tables", "the target has no table " + String.join(", ", unknown));
        }
        List<String> filled = new ArrayList<>();
        for (String table : order) {
            if (db.rowCount(table) > 0) {
                filled.add(table);
            }
        }
        if (!filled.isEmpty() && !force) {
            throw invalid("target", "not-empty", "the target database is not empty (" + String.join(", ",
                    filled) + "): restore into an empty database, or give --force to replace its data");
        }
        for (String table : order.reversed()) {
            try (Statement st = connection.createStatement()) {
                st.executeUpdate("DELETE FROM " + Database.identifier(table));
            }
        }
        for (String table : order) {
            manifest.tables().stream().filter(t -> t.name().equals(table)).findFirst()
                    .ifPresent(t -> load(db, zip, t));
            db.restartIdentities(table);
        }
        for (Manifest.Sequence sequence : manifest.sequences()) {
            db.setNext(sequence);
        }
    }

    /** Restores into {@code scratch} (an empty database) and compares every table with the manifest. */
    public Verification verify(Path file, DataSource scratch) {
        List<String> lines = new ArrayList<>();
        boolean ok = true;
        Manifest manifest;
        try (ZipFile zip = open(file)) {
            manifest = manifest(zip);
            List<String> tampered = tampered(zip, manifest);
            if (!tampered.isEmpty()) {
                tampered.forEach(t -> lines.add("FAIL " + t + ": content differs from the manifest (SHA-256)"));
                return new Verification(false, manifest, lines);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long started = System.nanoTime();
        restore(file, scratch, false);
        long millis = (System.nanoTime() - started) / 1_000_000;
        try (Connection connection = scratch.getConnection()) {
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            Database db = new Database(connection);
            for (Manifest.Table expected : manifest.tables()) {
                Manifest.Table actual = dump(db, expected.name(), OutputStream.nullOutputStream());
                boolean same = actual.rows() == expected.rows() && actual.sha256().equals(expected.sha256());
                ok &= same;
                lines.add((same ? "ok   " : "FAIL ") + expected.name() + ": " + actual.rows() + " rows"
                        + (same ? "" : " (expected " + expected.rows() + ", SHA-256 " + (actual.sha256().equals(
                                expected.sha256()) ? "same" : "differs") + ")"));
            }
            connection.rollback();
        } catch (SQLException e) {
            throw new IllegalStateException("verify failed: " + e.getMessage(), e);
        }
        lines.add("restored " + manifest.totalRows() + " rows of " + manifest.tables().size() + " tables in "
                + millis + " ms");
        return new Verification(ok, manifest, lines);
    }

    /** The verdict of {@link #verify}: one line per table, then the restore time. */
    public record Verification(boolean ok, Manifest manifest, List<String> lines) {

        public String report() {
            return String.join("\n", lines) + "\n" + (ok ? "backup verified" : "backup NOT verified") + "\n";
        }
    }

    private static Manifest.Table dump(Database db, String table, OutputStream out) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            DigestOutputStream digest = new DigestOutputStream(OutputStream.nullOutputStream(), sha);
            List<String> columns = columns(db.connection, table);
            String order = String.join(", ", db.orderColumns(table, columns));
            long rows = 0;
            try (Statement st = db.connection.createStatement()) {
                st.setFetchSize(1000);
                try (ResultSet rs = st.executeQuery("SELECT " + String.join(", ", columns) + " FROM "
                        + Database.identifier(table) + " ORDER BY " + order)) {
                    while (rs.next()) {
                        byte[] line = (JSON.writeValueAsString(Rows.read(rs)) + "\n").getBytes(StandardCharsets.UTF_8);
                        out.write(line);
                        digest.write(line);
                        rows++;
                    }
                }
            }
            return new Manifest.Table(table, columns, rows, HexFormat.of().formatHex(sha.digest()));
        } catch (SQLException | IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot read table " + table + ": " + e.getMessage(), e);
        }
    }

    private static void load(Database db, ZipFile zip, Manifest.Table table) {
        String sql = "INSERT INTO " + Database.identifier(table.name()) + " (" + table.columns().stream()
                .map(Database::identifier).collect(Collectors.joining(", ")) + ") VALUES ("
                + table.columns().stream().map(c -> "?").collect(Collectors.joining(", ")) + ")";
        // the target's own column types, in the backup's column order (an INSERT has no result metadata)
        String shape = "SELECT " + table.columns().stream().map(Database::identifier).collect(Collectors.joining(", "))
                + " FROM " + Database.identifier(table.name()) + " WHERE 1 = 0";
        try (PreparedStatement insert = db.connection.prepareStatement(sql);
                Statement types = db.connection.createStatement();
                ResultSet empty = types.executeQuery(shape);
                InputStream in = zip.getInputStream(zip.getEntry("tables/" + table.name() + ".jsonl"));
                BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            var target = empty.getMetaData();
            int batch = 0;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                Rows.bind(insert, (ArrayNode) JSON.readTree(line), target);
                if (!db.postgres) {
                    // the evaluation database is small: row by row, so that a refusal names its row
                    try {
                        insert.executeUpdate();
                    } catch (SQLException e) {
                        throw new SQLException(e.getMessage() + " (row " + line + ")", e);
                    }
                    continue;
                }
                insert.addBatch();
                if (++batch % 500 == 0) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("cannot restore table " + table.name() + ": " + e.getMessage(), e);
        }
    }

    private static List<String> columns(Connection connection, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("SELECT * FROM " + Database.identifier(table) + " WHERE 1 = 0")) {
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                columns.add(rs.getMetaData().getColumnName(i).toLowerCase(Locale.ROOT));
            }
        }
        return columns;
    }

    private static List<String> tampered(ZipFile zip, Manifest manifest) throws IOException {
        List<String> tampered = new ArrayList<>();
        for (Manifest.Table table : manifest.tables()) {
            ZipEntry entry = zip.getEntry("tables/" + table.name() + ".jsonl");
            if (entry == null) {
                tampered.add(table.name() + " (missing)");
                continue;
            }
            try (InputStream in = zip.getInputStream(entry)) {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                long lines = 0;
                byte[] buffer = new byte[65536];
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    sha.update(buffer, 0, n);
                    for (int i = 0; i < n; i++) {
                        if (buffer[i] == '\n') {
                            lines++;
                        }
                    }
                }
                if (lines != table.rows() || !HexFormat.of().formatHex(sha.digest()).equals(table.sha256())) {
                    tampered.add(table.name());
                }
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
        return tampered;
    }

    private static Manifest manifest(ZipFile zip) throws IOException {
        ZipEntry entry = zip.getEntry(MANIFEST);
        if (entry == null) {
            throw invalid("file", "not-a-backup", "not a desk backup (no manifest.json)");
        }
        try (InputStream in = zip.getInputStream(entry)) {
            Manifest manifest = JSON.readValue(in, Manifest.class);
            if (manifest.format() != Manifest.FORMAT || manifest.tables() == null || manifest.schemaVersion() == null) {
                throw invalid("file", "not-a-backup", "unknown backup format " + manifest.format());
            }
            manifest.tables().forEach(t -> Database.identifier(t.name()));
            return manifest;
        } catch (tools.jackson.core.JacksonException | IllegalArgumentException e) {
            throw invalid("file", "not-a-backup", "unreadable manifest: " + e.getMessage());
        }
    }

    private static ZipFile open(Path file) {
        try {
            return new ZipFile(file.toFile());
        } catch (IOException e) {
            throw invalid("file", "not-a-backup", file + " is not a readable backup file (" + e.getMessage() + ")");
        }
    }

    private static void migrate(DataSource target, String version) {
        String vendor;
        try (Connection connection = target.getConnection()) {
            vendor = new Database(connection).postgres ? "postgresql" : "h2";
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open the target database: " + e.getMessage(), e);
        }
        var configuration = Flyway.configure().dataSource(target)
                .locations("classpath:db/migration", "classpath:db/vendor/" + vendor);
        if (version != null) {
            configuration.target(MigrationVersion.fromVersion(version));
        }
        configuration.load().migrate();
    }

    private static String schemaVersion(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL "
                        + "ORDER BY installed_rank DESC")) {
            return rs.next() ? rs.getString(1) : "0";
        }
    }

    private static InvalidInput invalid(String field, String code, String message) {
        return InvalidInput.of(FieldError.of(field, code, message));
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // the original failure is what the user needs to hear about
        }
    }
}
