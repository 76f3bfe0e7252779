package dev.maintenancedesk.watch;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

/**
 * One month of technology watch: first the advisories that touch the product's dependencies (each with its
 * ticket), then the month's items grouped by source in the plan's order, those about our dependencies first.
 */
public record Digest(YearMonth month, List<Alert> alerts, List<Section> sections) {

    /** An advisory touching a dependency, and the ticket it opened. */
    public record Alert(String advisory, String displayId, String link, String summary, String ecosystem, String pkg,
            String version, String fixed, BigDecimal cvss, String priority, long ticket) {}

    /** A source's items this month. */
    public record Section(String key, String name, List<Entry> entries) {}

    public record Entry(String title, String link, String summary, Instant published, String advisory,
            boolean touchesUs) {}

    public int itemCount() {
        return sections.stream().mapToInt(s -> s.entries().size()).sum();
    }

    public boolean isEmpty() {
        return alerts.isEmpty() && itemCount() == 0;
    }
}
