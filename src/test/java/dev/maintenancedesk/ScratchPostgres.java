package dev.maintenancedesk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL cluster of a test's own, for the tests that stop and start the database under a running desk:
 * {@code initdb} into a temporary directory, then {@code pg_ctl} on a free loopback port with its socket in that
 * directory. The shared server (and its data) is never touched. Run as root, the binaries run as the
 * {@code postgres} user (PostgreSQL refuses root) through {@code runuser}. Every command is bounded in time;
 * {@link #close} stops the server and deletes the directory. The binaries are found in
 * {@code DESK_PG_BINDIR}, else {@code pg_config --bindir}, else {@code /usr/lib/postgresql/<newest>/bin}; none
 * is a failure that says what to install (never a skip).
 */
public final class ScratchPostgres implements AutoCloseable {

    private static final long COMMAND_SECONDS = 60;

    private final Path bin;
    private final Path directory;
    private final Path data;
    private final int port;
    private final boolean asPostgres;

    private ScratchPostgres(Path bin, Path directory, int port, boolean asPostgres) {
        this.bin = bin;
        this.directory = directory;
        this.data = directory.resolve("data");
        this.port = port;
        this.asPostgres = asPostgres;
    }

    /** A new cluster, initialised and started; {@link #close} removes it. */
    public static ScratchPostgres start() {
        Path bin = binaries();
        boolean root = "root".equals(System.getProperty("user.name"));
        Path directory;
        try {
            directory = Files.createTempDirectory("desk-scratch-pg-");
            if (root) {
                UserPrincipalLookupService users = directory.getFileSystem().getUserPrincipalLookupService();
                PosixFileAttributeView owner = Files.getFileAttributeView(directory, PosixFileAttributeView.class);
                owner.setOwner(users.lookupPrincipalByName("postgres"));
                GroupPrincipal group = users.lookupPrincipalByGroupName("postgres");
                owner.setGroup(group);
            }
        } catch (IOException e) {
            throw new IllegalStateException("scratch PostgreSQL: cannot prepare a temporary directory"
                    + " (as root, a 'postgres' user must exist): " + e.getMessage(), e);
        }
        ScratchPostgres cluster = new ScratchPostgres(bin, directory, freePort(), root);
        try {
            cluster.run("initdb", "-D", cluster.data.toString(), "-U", "postgres", "-A", "trust", "-E", "UTF8",
                    "--locale=C.UTF-8", "--no-sync");
            cluster.startServer();
            return cluster;
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    /** The port the server listens on (the same across stops and starts). */
    public int port() {
        return port;
    }

    /** A JDBC URL of {@code database} on this cluster (user postgres, trust authentication). */
    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=postgres";
    }

    /** Creates a database and returns its JDBC URL. */
    public String createDatabase(String name) {
        try (Connection c = DriverManager.getConnection(url("postgres"))) {
            c.createStatement().execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("scratch PostgreSQL: " + e.getMessage(), e);
        }
        return url(name);
    }

    /** Stops the server the way an outage would: {@code immediate} (a crash) or {@code fast} (clean, connections cut). */
    public void stop(String mode) {
        run("pg_ctl", "-D", data.toString(), "-m", mode, "-w", "-t", "30", "stop");
    }

    /** Starts the server again on the same port; returns once it accepts connections. */
    public void startServer() {
        run("pg_ctl", "-D", data.toString(), "-l", directory.resolve("server.log").toString(), "-w", "-t", "30",
                "-o", "-p " + port + " -k " + directory + " -c listen_addresses=127.0.0.1 -c fsync=off",
                "start");
    }

    /** Whether the server is up (pg_ctl status). */
    public boolean running() {
        return exec(command("pg_ctl", "-D", data.toString(), "status")).exit() == 0;
    }

    @Override
    public void close() {
        try {
            if (Files.exists(data.resolve("postmaster.pid"))) {
                exec(command("pg_ctl", "-D", data.toString(), "-m", "immediate", "-w", "-t", "30", "stop"));
            }
        } finally {
            delete(directory);
        }
    }

    private void run(String program, String... args) {
        Result result = exec(command(program, args));
        if (result.exit() != 0) {
            throw new IllegalStateException("scratch PostgreSQL: " + program + " failed (exit " + result.exit() + "): "
                    + result.output().strip() + serverLog());
        }
    }

    private String serverLog() {
        try {
            Path log = directory.resolve("server.log");
            return Files.exists(log) ? "\nserver log:\n" + Files.readString(log) : "";
        } catch (IOException e) {
            return "";
        }
    }

    private List<String> command(String program, String... args) {
        List<String> command = new ArrayList<>();
        if (asPostgres) {
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.add(bin.resolve(program).toString());
        command.addAll(List.of(args));
        return command;
    }

    private record Result(int exit, String output) {}

    private static Result exec(List<String> command) {
        try {
            Path output = Files.createTempFile("desk-scratch-pg-", ".out");
            try {
                // pg_ctl start leaves the server running with our stdout: a file, not a pipe nobody drains
                Process process = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(output.toFile()).directory(Path.of(System.getProperty("java.io.tmpdir")).toFile())
                        .start();
                if (!process.waitFor(COMMAND_SECONDS, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException("scratch PostgreSQL: " + String.join(" ", command)
                            + " did not finish within " + COMMAND_SECONDS + " s");
                }
                return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("scratch PostgreSQL: cannot run " + command.getFirst(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Where initdb and pg_ctl are; a clear failure when PostgreSQL's server binaries are not installed. */
    static Path binaries() {
        List<Path> candidates = new ArrayList<>();
        String configured = System.getenv("DESK_PG_BINDIR");
        if (configured != null && !configured.isBlank()) {
            candidates.add(Path.of(configured));
        }
        try {
            Process config = new ProcessBuilder("pg_config", "--bindir").redirectErrorStream(true).start();
            if (config.waitFor(10, TimeUnit.SECONDS) && config.exitValue() == 0) {
                candidates.add(Path.of(new String(config.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip()));
            }
        } catch (IOException | InterruptedException e) {
            // no pg_config: look in Debian's place below
        }
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            versions.sorted(Comparator.comparing((Path p) -> versionOf(p)).reversed())
                    .forEach(p -> candidates.add(p.resolve("bin")));
        } catch (IOException e) {
            // not Debian's layout
        }
        return candidates.stream().filter(p -> Files.isExecutable(p.resolve("initdb")) && Files.isExecutable(p.resolve("pg_ctl")))
                .findFirst().orElseThrow(() -> new IllegalStateException("The database outage and two-instance tests"
                        + " create a PostgreSQL cluster of their own and need PostgreSQL's server binaries (initdb, pg_ctl),"
                        + " looked for in DESK_PG_BINDIR, pg_config --bindir and /usr/lib/postgresql/*/bin: none found."
                        + " Install them (Debian: apt-get install postgresql) or set DESK_PG_BINDIR."));
    }

    private static int versionOf(Path p) {
        try {
            return Integer.parseInt(p.getFileName().toString());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // best effort: a leftover temporary file is not a test failure
                }
            });
        } catch (IOException e) {
            // idem
        }
    }
}
