package dev.maintenancedesk.cli;

import dev.maintenancedesk.backup.Backups;
import dev.maintenancedesk.backup.Manifest;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code desk backup create | restore | verify} on the database DESK_DATABASE_URL names (the server may run). */
@Command(name = "backup", description = "Back up, restore and verify all of the desk's data.",
        subcommands = {BackupCommand.Create.class, BackupCommand.Restore.class, BackupCommand.Verify.class})
final class BackupCommand {

    /** The evaluation database of application.properties, when DESK_DATABASE_URL is not set. */
    static final String H2_FLAGS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    static final String DEFAULT_URL = "jdbc:h2:file:./data/desk" + H2_FLAGS + ";AUTO_SERVER=FALSE";

    static DataSource configured() {
        return dataSource(setting("DESK_DATABASE_URL", DEFAULT_URL), setting("DESK_DATABASE_USER", ""),
                setting("DESK_DATABASE_PASSWORD", ""));
    }

    static DataSource dataSource(String url, String user, String password) {
        DriverManagerDataSource source = new DriverManagerDataSource(url, user, password);
        try (Connection ignored = source.getConnection()) {
            return source;
        } catch (SQLException e) {
            throw new Desk.UsageException("cannot open the database " + url.replaceAll("password=[^&;]*", "password=…")
                    + ": " + e.getMessage());
        }
    }

    private static String setting(String name, String fallback) {
        String value = System.getProperty(name, System.getenv(name));
        return value == null || value.isBlank() ? fallback : value;
    }

    @Command(name = "create", description = "Write a consistent snapshot of every table, with a manifest of row "
            + "counts and SHA-256 checksums.")
    static final class Create implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--out", paramLabel = "FILE", required = true, description = "The backup file to write.")
        Path out;

        @Override
        public Integer call() {
            if (out.getParent() != null && !Files.isDirectory(out.toAbsolutePath().getParent())) {
                throw new Desk.UsageException("no such directory: " + out.toAbsolutePath().getParent());
            }
            Manifest manifest = new Backups(Clock.systemUTC()).create(configured(), out);
            PrintWriter stdout = spec.commandLine().getOut();
            stdout.println("backup written to " + out + ": " + manifest.tables().size() + " tables, "
                    + manifest.totalRows() + " rows, schema version " + manifest.schemaVersion());
            stdout.flush();
            return Desk.OK;
        }
    }

    @Command(name = "restore", description = "Restore a backup into an empty database (its schema is brought to "
            + "the backup's version, then to the current one).")
    static final class Restore implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "The backup file.")
        Path file;

        @Option(names = "--force", description = "Replace the data of a database that is not empty.")
        boolean force;

        @Override
        public Integer call() {
            Manifest manifest = new Backups(Clock.systemUTC()).restore(readable(file), configured(), force);
            PrintWriter stdout = spec.commandLine().getOut();
            stdout.println("restored " + manifest.totalRows() + " rows of " + manifest.tables().size()
                    + " tables from " + file);
            stdout.flush();
            return Desk.OK;
        }
    }

    @Command(name = "verify", description = "Restore a backup into a scratch database and compare every table with "
            + "its manifest: exit 0 when identical, 1 otherwise, with a report.")
    static final class Verify implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "The backup file.")
        Path file;

        @Option(names = "--scratch-url", paramLabel = "JDBC_URL", description = "An empty database to restore into "
                + "(default: an in-memory H2 database, nothing to set up).")
        String scratchUrl;

        @Override
        public Integer call() {
            DataSource scratch = dataSource(scratchUrl != null ? scratchUrl
                    : "jdbc:h2:mem:desk-verify-" + UUID.randomUUID() + H2_FLAGS + ";DB_CLOSE_DELAY=-1", "", "");
            Backups.Verification verification = new Backups(Clock.systemUTC()).verify(readable(file), scratch);
            PrintWriter stdout = spec.commandLine().getOut();
            stdout.print(verification.report());
            stdout.flush();
            return verification.ok() ? Desk.OK : Desk.CHECK_FAILED;
        }
    }

    private static Path readable(Path file) {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new Desk.UsageException("cannot read " + file);
        }
        return file;
    }
}
