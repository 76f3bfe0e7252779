package dev.maintenancedesk.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maintenancedesk.TestDatabase;
import dev.maintenancedesk.cli.Desk;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code desk report conformance --month YYYY-MM [--lang fr|en]} writes the Markdown report; bad input exits 2. */
class ConformanceCommandTest {

    record Run(int code, String out, String err) {}

    static Run desk(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Desk.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    @AfterEach
    void forget() {
        System.clearProperty("DESK_DATABASE_URL");
    }

    @Test
    void aMonthWithoutDataSaysSoForEveryRuleInFrenchAndEnglish() {
        System.setProperty("DESK_DATABASE_URL", TestDatabase.url());
        Run fr = desk("report", "conformance", "--month", "2001-01");
        assertThat(fr.code()).as(fr.err()).isZero();
        assertThat(fr.out()).startsWith("# Conformité au plan — 2001-01\n")
                .contains("| § | Règle | Cible | n | Tenue | Statut |")
                .contains("| 4 | SLA de prise en charge P1 respecté | 100% | 0 | pas de données | pas de données |")
                .contains("| 11 | Actions préventives faites à temps | 100% | 0 | pas de données | pas de données |")
                .contains("| 14 | Post-mortems rédigés pour les tickets P1 et sécurité clos |")
                .contains("| 8 | Taux succès déploiements | ≥ 95% | 0 |")
                .doesNotContain("| atteint |");
        Run en = desk("report", "conformance", "--month", "2001-01", "--lang", "en");
        assertThat(en.code()).isZero();
        assertThat(en.out()).startsWith("# Plan conformance — 2001-01\n")
                .contains("| 6 | Commits following the convention | 100% | 0 | no data | no data |")
                .contains("| 8 | Deployment success rate | ≥ 95% | 0 | no data | no data |");
    }

    @Test
    void aBadMonthOrLanguageIsAUsageError() {
        Run month = desk("report", "conformance", "--month", "2026-13");
        assertThat(month.code()).isEqualTo(2);
        assertThat(month.err().strip()).isEqualTo("desk: \"2026-13\" is not a month for --month (expected YYYY-MM, e.g. 2026-11)");
        Run lang = desk("report", "conformance", "--month", "2026-03", "--lang", "de");
        assertThat(lang.code()).isEqualTo(2);
        assertThat(desk("report", "conformance").code()).isEqualTo(2);
    }
}
