package dev.maintenancedesk.sla;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;

/** The CESIZen plan with one more team, in New York on the US calendar: clocks on a calendar not Paris's. */
final class NewYorkTeamPlan {

    private static final String TEAMS = """
            teams:
              - key: support-ny
                name: { fr: Support New York, en: New York support }
                calendar:
                  zone: America/New_York
                  hours: { monday: ["09:00-17:00"], tuesday: ["09:00-17:00"], wednesday: ["09:00-17:00"],
                           thursday: ["09:00-17:00"], friday: ["09:00-17:00"] }
                  holidays: { country: US }
            """;

    private NewYorkTeamPlan() {}

    /** Writes the plan to a temporary file and makes it the desk's {@code desk.plan}. */
    static void use(DynamicPropertyRegistry registry, String filePrefix) throws IOException {
        String yaml;
        try (InputStream in = NewYorkTeamPlan.class.getResourceAsStream("/plans/cesizen.yaml")) {
            yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Path plan = Files.createTempFile(filePrefix, ".yaml");
        Files.writeString(plan, yaml.replaceFirst("(?m)^teams:.*\\n", TEAMS));
        registry.add("desk.plan", plan::toString);
    }
}
