package dev.maintenancedesk.cli;

import static dev.maintenancedesk.DeskCli.desk;
import static org.assertj.core.api.Assertions.assertThat;

import dev.maintenancedesk.DeskCli.Result;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code desk plan validate|render}: exit codes and output of DESIGN §7, without Spring. */
class PlanCommandTest {

    @TempDir
    Path dir;

    private static String defaultYaml() throws IOException {
        try (InputStream in = PlanCommandTest.class.getClassLoader().getResourceAsStream("plans/cesizen.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void validateTheDefaultPlan() {
        Result r = desk("plan", "validate");
        assertThat(r.code()).isZero();
        assertThat(r.out()).isEqualTo("plan OK: CESIZen (classpath:plans/cesizen.yaml)\n".replace("\n", System.lineSeparator()));
        assertThat(r.err()).isEmpty();
    }

    @Test
    void validateAGoodFile() throws IOException {
        Path file = Files.writeString(dir.resolve("plan.yaml"), defaultYaml());
        Result r = desk("plan", "validate", "--plan", file.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("plan OK: CESIZen (" + file + ")");
    }

    @Test
    void validateABadFilePrintsOneLinePerProblem() throws IOException {
        Path file = Files.writeString(dir.resolve("bad.yaml"), defaultYaml()
                .replace("P1: { take_charge: 1h,", "P1: { take_charge: 1x,")
                .replace("zone: Europe/Paris", "zone: Nowhere/City"));
        Result r = desk("plan", "validate", "--plan", file.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out().lines()).containsExactly(
                "calendar.zone: \"Nowhere/City\" is not a known time zone (example: Europe/Paris)",
                "sla.P1.take_charge: \"1x\" is not a duration (examples: 30m, 1h, 1d)");
        assertThat(r.err().strip()).isEqualTo("desk: invalid plan " + file + " (2 problems)");
    }

    @Test
    void missingFileIsUsageError() {
        Path missing = dir.resolve("nope.yaml");
        Result r = desk("plan", "validate", "--plan", missing.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().lines()).singleElement().asString()
                .isEqualTo("desk: cannot read plan " + missing + ": no such file");
        assertThat(desk("plan", "render", "--plan", dir.toString()).code()).isEqualTo(2);
    }

    @Test
    void renderInFrenchByDefaultAndInEnglish() {
        Result fr = desk("plan", "render");
        assertThat(fr.code()).isZero();
        assertThat(fr.out()).startsWith("# Plan de Maintenance – Projet CESIZen")
                .contains("| P1 | Service indisponible / faille critique | ≤ 1h ouvrée | ≤ 3h ouvrées |");
        assertThat(desk("plan", "render", "--lang", "fr").out()).isEqualTo(fr.out());
        Result en = desk("plan", "render", "--lang", "en");
        assertThat(en.code()).isZero();
        assertThat(en.out()).startsWith("# Maintenance Plan – CESIZen Project").contains("## 15. Future Improvements");
    }

    @Test
    void renderOfAnInvalidPlanIsAUsageError() throws IOException {
        // only plan validate answers an invalid plan with exit 1 (DESIGN §7); stdout stays for the document
        Path file = Files.writeString(dir.resolve("bad.yaml"), defaultYaml().replace("at_risk_threshold: 0.75", "at_risk_threshold: 2"));
        Result r = desk("plan", "render", "--plan", file.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().lines()).containsExactly("desk: invalid plan " + file
                + ": sla.at_risk_threshold: 2 is not between 0 and 1 (exclusive), e.g. 0.75");
    }

    @Test
    void badLanguageAndMissingSubcommandAreUsageErrors() {
        Result r = desk("plan", "render", "--lang", "de");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().strip()).isEqualTo("desk: unknown language \"de\" for --lang (expected: fr, en)");
        assertThat(desk("plan").code()).isEqualTo(2);
        assertThat(desk("plan", "validate", "--nope").code()).isEqualTo(2);
    }
}
