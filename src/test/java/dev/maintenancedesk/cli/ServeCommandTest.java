package dev.maintenancedesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code desk serve} with a bad setting says why in one line, as the operator sees it: in a JVM of its
 * own, with the setting in the environment, everything it prints on stdout and stderr.
 */
class ServeCommandTest {

    @ParameterizedTest
    @ValueSource(strings = {"no-prefix-but-long-enough-0123456789", "mdk_short"})
    void aBadAdminTokenIsOneLineWithoutStackTrace(String token) throws IOException, InterruptedException {
        ProcessBuilder serve = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Desk.class.getName(), "serve")
                .redirectErrorStream(true);
        serve.environment().put("DESK_ADMIN_TOKEN", token);
        // were this check to miss, FirstStart's still stops the server (no hang); it must not touch ./data
        // nor a busy port meanwhile
        serve.environment().put("DESK_DATABASE_URL", "jdbc:h2:mem:serve-test");
        serve.environment().put("DESK_PORT", "0");
        Process process = serve.start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int exitCode = process.waitFor();
            // lines of the JVM itself (a JAVA_TOOL_OPTIONS in the environment) are not the desk's
            assertThat(output.lines().filter(l -> !l.startsWith("OpenJDK 64-Bit Server VM warning")
                    && !l.startsWith("Picked up JAVA_TOOL_OPTIONS")).toList())
                    .as(output).isEqualTo(List.of(
                            "desk: DESK_ADMIN_TOKEN must start with mdk_ and be at least 24 characters long"));
            assertThat(output).doesNotContain("at dev.", "Exception");
            assertThat(exitCode).isEqualTo(2);
        } finally {
            process.destroyForcibly();
        }
    }
}
