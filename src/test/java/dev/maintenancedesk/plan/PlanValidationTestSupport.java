package dev.maintenancedesk.plan;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** The default plan's YAML text, for tests that derive variants of it. */
final class PlanValidationTestSupport {

    private PlanValidationTestSupport() {}

    static String defaultYaml() {
        try (InputStream in = PlanLoader.class.getClassLoader().getResourceAsStream(PlanLoader.DEFAULT_PLAN)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
