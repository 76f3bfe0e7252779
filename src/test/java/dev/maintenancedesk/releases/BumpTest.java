package dev.maintenancedesk.releases;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maintenancedesk.plan.ReleaseTag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BumpTest {

    @ParameterizedTest
    @CsvSource({"NONE, PATCH", "PATCH, PATCH", "MINOR, MINOR", "MAJOR, MAJOR"})
    void eachBumpShipsInWindowsOfItsKindOrLarger(Bump bump, ReleaseTag window) {
        assertThat(bump.window()).isEqualTo(window);
    }
}
