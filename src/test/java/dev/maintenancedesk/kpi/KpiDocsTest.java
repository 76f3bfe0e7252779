package dev.maintenancedesk.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/kpis.md quotes every SQL statement the KPIs run, exactly (whitespace aside), and the gauges' names. */
class KpiDocsTest {

    static String normal(String s) {
        return String.join(" ", s.strip().split("\\s+"));
    }

    @Test
    void everyStatementOfKpiDataIsInTheDocs() throws Exception {
        String docs = normal(Files.readString(Path.of("docs/kpis.md")));
        int statements = 0;
        for (Field f : KpiData.class.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                f.setAccessible(true);
                assertThat(docs).as(f.getName()).contains(normal((String) f.get(null)));
                statements++;
            }
        }
        assertThat(statements).isEqualTo(12);
        assertThat(docs).contains("`desk_kpi_value`", "`desk_kpi_samples`", "`desk_kpi_met`", "`desk_sla_at_risk`",
                "`desk_sla_breached`", "`desk_tickets`");
    }
}
