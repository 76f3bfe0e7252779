package dev.maintenancedesk.backlog;

import java.time.YearMonth;
import java.util.List;

/**
 * A month's backlog review: the ordered backlog, the tech-debt share, the minutes so far. {@code open}
 * is false for a past month (its minutes are read-only and its backlog is the one recorded with them).
 * When the scope's dependencies go round, {@code cycle} names the tickets ({@code [12, 15, 12]}: #12
 * blocks #15 which blocks #12) and the items are ordered by score alone until it is broken.
 */
public record Backlog(YearMonth month, boolean open, List<BacklogItem> items, List<Long> cycle,
        TechDebtShare techDebt, Minutes minutes, String scoreFormula) {

    public Backlog {
        items = List.copyOf(items);
        cycle = cycle == null ? null : List.copyOf(cycle);
    }

    /** {@code #12 → #15 → #12}, or null. */
    public String cycleText() {
        return cycle == null ? null : DependencyCycle.text(cycle);
    }

    public BacklogItem item(long number) {
        return items.stream().filter(i -> i.number() == number).findFirst().orElse(null);
    }
}
