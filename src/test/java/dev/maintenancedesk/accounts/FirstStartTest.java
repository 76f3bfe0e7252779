package dev.maintenancedesk.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.maintenancedesk.DeskApplication;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The real first start: the whole application on an empty database of its own, without
 * DESK_ADMIN_PASSWORD, exactly as an operator would run it; then a second start on the same data.
 */
@ExtendWith(OutputCaptureExtension.class)
class FirstStartTest {

    private static final String SERVER = System.getenv().getOrDefault("DESK_TEST_DATABASE_URL",
            "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres");
    private static final Pattern GENERATED = Pattern.compile("Log in: admin / (\\S+) — shown only this once");
    private static String database;

    @BeforeAll
    static void emptyDatabase() {
        database = "desk_first_start_" + ProcessHandle.current().pid() + "_" + System.currentTimeMillis();
        execute("CREATE DATABASE " + database);
    }

    @AfterAll
    static void dropDatabase() {
        execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    }

    @Test
    void aGeneratedPasswordIsPrintedOnceWithTheRealPortAndWorks(CapturedOutput output) {
        String password;
        try (ConfigurableApplicationContext app = start()) {
            int port = app.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
            String printed = output.getOut();
            assertThat(printed).contains("Maintenance Desk is ready: http://localhost:" + port + "/");
            Matcher matcher = GENERATED.matcher(printed);
            assertThat(matcher.find()).as("a generated password is printed").isTrue();
            password = matcher.group(1);
            assertThat(password).hasSizeGreaterThanOrEqualTo(20);
            assertThat(printed.split(Pattern.quote(password), -1)).as("printed exactly once").hasSize(2);
            assertThat(output.getErr()).doesNotContain(password);

            assertThat(printed).contains("http://localhost:" + port + "/profile");
            // The generated password is temporary: the first login goes to the page choosing one's own.
            assertThat(new Http(port).login("admin", password).headers().firstValue("Location").orElse(""))
                    .endsWith("/profile/password");
            assertThat(app.getBean(Users.class).mustChangePassword("admin")).isTrue();
            assertThat(new Http(port).login("admin", password + "x").headers().firstValue("Location").orElse(""))
                    .contains("error");
            String hash = app.getBean(JdbcTemplate.class)
                    .queryForObject("SELECT password_hash FROM users WHERE username = 'admin'", String.class);
            assertThat(hash).startsWith("{bcrypt}").doesNotContain(password);
            assertThat(app.getBean(JdbcTemplate.class).queryForObject("SELECT COUNT(*) FROM api_tokens", Long.class))
                    .as("no DESK_ADMIN_TOKEN, no token").isZero();
        }

        int before = output.getOut().length();
        try (ConfigurableApplicationContext app = start()) {
            String printed = output.getOut().substring(before);
            assertThat(printed).contains("Log in: log in with an existing account").doesNotContain(password);
            assertThat(app.getBean(Users.class).all()).hasSize(1);
            int port = app.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
            assertThat(new Http(port).sessionOf("admin", password)).isNotBlank();
        }
    }

    @Test
    void aWeakAdminTokenIsRefusedBeforeAnythingIsCreated() {
        FirstStart firstStart = new FirstStart(null, null, null, null);

        assertThatThrownBy(() -> firstStart.bootstrap(null, "short")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("DESK_ADMIN_TOKEN");
        assertThatThrownBy(() -> firstStart.bootstrap(null, "no_prefix_but_long_enough_0123456789"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theBannerSaysWhereAndHow() {
        assertThat(FirstStart.banner("http://localhost:1234/", new FirstStart.Outcome(true, null, true)))
                .contains("http://localhost:1234/").contains("admin / the password from DESK_ADMIN_PASSWORD")
                .contains("http://localhost:1234/profile").contains("DESK_ADMIN_TOKEN");
        assertThat(FirstStart.banner("http://localhost:1234/", new FirstStart.Outcome(true, "s3cret-generated", false)))
                .contains("admin / s3cret-generated — shown only this once")
                .contains("choose your own at the first login").contains("http://localhost:1234/profile");
    }

    private static ConfigurableApplicationContext start() {
        // Command-line arguments outrank the environment, so an operator's DESK_ADMIN_* cannot leak in.
        return new SpringApplicationBuilder(DeskApplication.class).run("--server.port=0",
                "--server.shutdown=immediate", "--spring.datasource.url=" + url(), "--spring.datasource.username=",
                "--spring.datasource.password=", "--DESK_ADMIN_PASSWORD=", "--DESK_ADMIN_TOKEN=");
    }

    private static String url() {
        return SERVER.replaceFirst("(jdbc:postgresql://[^/?]+)/[^?]*", "$1/" + database);
    }

    private static void execute(String sql) {
        try (Connection c = DriverManager.getConnection(SERVER)) {
            c.createStatement().execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL for tests is not usable at " + SERVER + ": " + e.getMessage(), e);
        }
    }
}
