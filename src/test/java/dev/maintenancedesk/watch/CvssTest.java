package dev.maintenancedesk.watch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maintenancedesk.plan.Priority;
import dev.maintenancedesk.plan.Watch;
import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** CVSS 3.x base scores of published vectors (the scores NVD shows for them), and the plan's priority thresholds. */
class CvssTest {

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
            "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H, 10.0", // Log4Shell, CVE-2021-44228
            "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H, 9.8", // Spring4Shell, CVE-2022-22965
            "CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:H, 7.2", // lodash, CVE-2021-23337
            "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H, 7.5", // Django, CVE-2024-41989
            "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N, 6.1", // a reflected XSS
            "CVSS:3.0/AV:L/AC:H/PR:L/UI:N/S:U/C:L/I:N/A:N, 2.5",
            "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N, 0.0"})
    void baseScores(String vector, String score) {
        assertThat(Cvss.baseScore(vector)).contains(new BigDecimal(score));
    }

    @ParameterizedTest
    @CsvSource({"CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", "AV:N/AC:L/Au:N/C:P/I:P/A:P",
            "CVSS:3.1/AV:X/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "garbage"})
    void notCvss3(String vector) {
        assertThat(Cvss.baseScore(vector)).isEmpty();
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"10.0, P1", "9.0, P1", "8.9, P2", "7.0, P2", "6.9, P3", "4.0, P3", "3.9, P4", "0.0, P4"})
    void priorities(String score, Priority priority) {
        assertThat(Watch.CvssThresholds.DEFAULT.priority(new BigDecimal(score))).isEqualTo(priority);
    }
}
