package dev.maintenancedesk.backlog;

import static dev.maintenancedesk.DeskCli.desk;
import static org.assertj.core.api.Assertions.assertThat;

import dev.maintenancedesk.DeskCli.Result;
import dev.maintenancedesk.TestDatabase;
import java.time.YearMonth;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code desk backlog minutes}: the Markdown on stdout, exit 2 with one line for bad usage or a month without a review. */
class BacklogMinutesCommandTest {

    @AfterEach
    void forget() {
        System.clearProperty("DESK_DATABASE_URL");
    }

    @Test
    void badUsageIsExitTwoWithOneLineBeforeAnyDatabase() {
        Result missing = desk("backlog", "minutes");
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("--month").hasLineCount(1);
        Result month = desk("backlog", "minutes", "--month", "2026-13");
        assertThat(month.code()).isEqualTo(2);
        assertThat(month.err().strip()).isEqualTo("desk: \"2026-13\" is not a month for --month (expected YYYY-MM, e.g. 2026-11)");
        Result lang = desk("backlog", "minutes", "--month", "2026-11", "--lang", "de");
        assertThat(lang.code()).isEqualTo(2);
        assertThat(lang.err()).contains("unknown language \"de\"").hasLineCount(1);
        assertThat(desk("backlog", "agenda").code()).isEqualTo(2);
    }

    @Test
    void thisMonthsMinutesInFrenchAndEnglishAndAMonthWithoutReviewIsExitTwo() {
        System.setProperty("DESK_DATABASE_URL", TestDatabase.url());
        YearMonth now = YearMonth.now(ZoneId.of("Europe/Paris"));
        Result fr = desk("backlog", "minutes", "--month", now.toString());
        assertThat(fr.code()).as(fr.err()).isZero();
        assertThat(fr.out()).startsWith("# Revue mensuelle du backlog — " + now + "\n")
                .contains("## Décisions", "## Backlog ordonné", "## Dette technique", "- Tickets `tech-debt` : ");
        Result en = desk("backlog", "minutes", "--month", now.toString(), "--lang", "en");
        assertThat(en.code()).isZero();
        assertThat(en.out()).startsWith("# Monthly backlog review — " + now + "\n").contains("## Ordered backlog");

        Result none = desk("backlog", "minutes", "--month", "2001-01");
        assertThat(none.code()).isEqualTo(2);
        assertThat(none.err().strip()).isEqualTo("desk: no backlog review was recorded for 2001-01");
        assertThat(none.out()).isEmpty();
    }

    @Test
    void anUnreachableDatabaseIsExitTwo() {
        System.setProperty("DESK_DATABASE_URL", "jdbc:postgresql://127.0.0.1:1/none?connectTimeout=2");
        Result down = desk("backlog", "minutes", "--month", "2026-11");
        assertThat(down.code()).isEqualTo(2);
        assertThat(down.err()).startsWith("desk: cannot open the database: ").hasLineCount(1);
    }
}
