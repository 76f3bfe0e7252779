package dev.maintenancedesk;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points the application under test at a fresh PostgreSQL database, created once per test JVM on the
 * server named by {@code DESK_TEST_DATABASE_URL} (default: the local server) and dropped at exit.
 */
public final class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final String SERVER = System.getenv().getOrDefault("DESK_TEST_DATABASE_URL",
            "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres");
    private static String url;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("testDatabase",
                Map.of("spring.datasource.url", url(), "spring.datasource.username", "",
                        "spring.datasource.password", "")));
    }

    /** The JDBC URL of this run's database, creating it on first use. */
    public static synchronized String url() {
        if (url == null) {
            dropLeftoversOfDeadRuns();
            String name = "desk_test_" + ProcessHandle.current().pid() + "_" + System.currentTimeMillis();
            execute("CREATE DATABASE " + name);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)")));
            url = SERVER.replaceFirst("(jdbc:postgresql://[^/?]+)/[^?]*", "$1/" + name);
        }
        return url;
    }

    private static final Map<String, String> OWN = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * A database of one test class's own, for tests whose assertions depend on the whole table (the
     * last administrator, "one P1 is open"): named after the run's shared database plus {@code suffix},
     * so that a killed run's leftover is dropped with it.
     */
    public static String own(String suffix) {
        return OWN.computeIfAbsent(suffix, s -> {
            String name = url().replaceFirst("^jdbc:postgresql://[^/]+/([^?]+).*$", "$1") + s;
            execute("CREATE DATABASE " + name);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)")));
            return SERVER.replaceFirst("(jdbc:postgresql://[^/?]+)/[^?]*", "$1/" + name);
        });
    }

    /**
     * An {@link #own} database migrated up to {@code version} only (the migrations of PostgreSQL), for a test of
     * the next migration: it writes rows as they were, migrates on with {@link #migrate}, reads them back.
     */
    public static String migratedTo(String suffix, String version) {
        String database = own(suffix);
        migrate(database, version);
        return database;
    }

    /** Migrates the database at {@code databaseUrl} up to {@code version}. */
    public static void migrate(String databaseUrl, String version) {
        org.flywaydb.core.Flyway.configure().dataSource(databaseUrl, "", "")
                .locations("classpath:db/migration", "classpath:db/vendor/postgresql")
                .target(version).load().migrate();
    }

    /** Points a test class's context at its {@link #own} database (use with {@code @DirtiesContext}). */
    public abstract static class Own implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        private final String suffix;

        protected Own(String suffix) {
            this.suffix = suffix;
        }

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("ownTestDatabase",
                    Map.of("spring.datasource.url", own(suffix), "spring.datasource.username", "",
                            "spring.datasource.password", "")));
        }
    }

    /** A run killed before its shutdown hook leaves its database behind; its pid tells it is gone. */
    private static void dropLeftoversOfDeadRuns() {
        try (Connection c = DriverManager.getConnection(SERVER);
                var rs = c.createStatement().executeQuery(
                        "SELECT datname FROM pg_database WHERE datname LIKE 'desk\\_test\\_%'")) {
            java.util.List<String> dead = new java.util.ArrayList<>();
            while (rs.next()) {
                String[] parts = rs.getString(1).split("_");
                if (parts.length == 4 && parts[2].matches("\\d+")
                        && ProcessHandle.of(Long.parseLong(parts[2])).isEmpty()) {
                    dead.add(rs.getString(1));
                }
            }
            for (String name : dead) {
                c.createStatement().execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL for tests is not usable at " + SERVER
                    + " (set DESK_TEST_DATABASE_URL): " + e.getMessage(), e);
        }
    }

    private static void execute(String sql) {
        try (Connection c = DriverManager.getConnection(SERVER)) {
            c.createStatement().execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL for tests is not usable at " + SERVER
                    + " (set DESK_TEST_DATABASE_URL): " + e.getMessage(), e);
        }
    }
}
