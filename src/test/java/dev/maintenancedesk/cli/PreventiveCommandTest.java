package dev.maintenancedesk.cli;

import static dev.maintenancedesk.DeskCli.desk;
import static org.assertj.core.api.Assertions.assertThat;

import dev.maintenancedesk.DeskCli.Result;
import dev.maintenancedesk.TestDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code desk preventive run [--as-of DATE]}: one line per period, exit codes of DESIGN §7. */
class PreventiveCommandTest {

    @AfterEach
    void forget() {
        System.clearProperty("DESK_DATABASE_URL");
    }

    @Test
    void opensEachPeriodOnceAndSaysSo() {
        System.setProperty("DESK_DATABASE_URL", TestDatabase.own("_prev_cli"));
        Result first = desk("preventive", "run", "--as-of", "2026-11-05");
        assertThat(first.code()).as(first.toString()).isZero();
        assertThat(first.err()).isEmpty();
        assertThat(first.out().lines().toList()).hasSize(7)
                .allSatisfy(l -> assertThat(l).matches("opened [a-z_]+ 20\\d\\d-(\\d\\d|Q\\d|H\\d) #\\d+ due \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d[+-]\\d\\d:\\d\\d"))
                .anySatisfy(l -> assertThat(l).startsWith("opened dependency_updates 2026-11 #").endsWith(" due 2026-11-16T18:00:00+01:00"));

        Result again = desk("preventive", "run", "--as-of", "2026-11-05");
        assertThat(again.code()).isZero();
        assertThat(again.out().lines().toList()).hasSize(7).allSatisfy(l -> assertThat(l).startsWith("skipped ").endsWith("(already opened)"));

        Result december = desk("preventive", "run", "--as-of", "2026-12-01");
        assertThat(december.code()).isZero();
        assertThat(december.out().lines().filter(l -> l.startsWith("opened ")).toList())
                .extracting(l -> l.split(" ")[1] + " " + l.split(" ")[2])
                .containsExactly("dependency_updates 2026-12", "library_security_review 2026-12", "backlog_review 2026-12",
                        "watch_consolidation 2026-12");
    }

    @Test
    void worksOnTheEmbeddedH2DatabaseToo(@TempDir Path dir) {
        System.setProperty("DESK_DATABASE_URL", "jdbc:h2:file:" + dir.resolve("desk")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=FALSE");
        Result first = desk("preventive", "run", "--as-of", "2027-01-04");
        assertThat(first.code()).as(first.toString()).isZero();
        assertThat(first.out().lines().toList()).hasSize(7).allSatisfy(l -> assertThat(l).startsWith("opened "))
                .anySatisfy(l -> assertThat(l).startsWith("opened gdpr_review 2027-H1 #"));
        Result again = desk("preventive", "run", "--as-of", "2027-01-04");
        assertThat(again.out().lines().toList()).hasSize(7).allSatisfy(l -> assertThat(l).startsWith("skipped "));
    }

    @Test
    void badUsageIsExitTwoWithOneLine() {
        Result date = desk("preventive", "run", "--as-of", "2026-13-01");
        assertThat(date.code()).isEqualTo(2);
        assertThat(date.out()).isEmpty();
        assertThat(date.err().lines().toList()).containsExactly("desk: --as-of: \"2026-13-01\" is not a date YYYY-MM-DD");

        Result missing = desk("preventive");
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err().lines().toList()).singleElement().asString().contains("missing subcommand (run)");

        Result unknown = desk("preventive", "run", "--as", "2026-11-05");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err().lines().toList()).hasSize(1);

        System.setProperty("DESK_DATABASE_URL", "jdbc:postgresql://127.0.0.1:1/none?connectTimeout=2");
        Result unreachable = desk("preventive", "run");
        assertThat(unreachable.code()).isEqualTo(2);
        assertThat(unreachable.err().lines().toList()).singleElement().asString().startsWith("desk: cannot open the database: ");
    }
}
