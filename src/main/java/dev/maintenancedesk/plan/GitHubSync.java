package dev.maintenancedesk.plan;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How GitHub's words map onto the plan's (the {@code github} section): the issue labels that carry a
 * priority and a maintenance type (compared without case), and the globs of paths that are tests, which
 * a pull request must touch unless its ticket is exempt. Without the section: the seed's labels.
 */
public record GitHubSync(Map<String, Priority> priorityLabels, Map<String, TicketType> typeLabels,
        List<String> testPaths) {

    public static GitHubSync defaults() {
        return new GitHubSync(Map.of("P1", Priority.P1, "P2", Priority.P2, "P3", Priority.P3, "P4", Priority.P4),
                Map.of("bug", TicketType.CORRECTIVE, "security", TicketType.CORRECTIVE,
                        "feature", TicketType.EVOLUTIVE, "performance", TicketType.PREVENTIVE,
                        "tech-debt", TicketType.PREVENTIVE),
                List.of("src/test/**", "test/**", "tests/**", "**/*Test.java", "**/*.test.*", "**/*_test.*"));
    }

    public Optional<Priority> priorityOf(String label) {
        return find(priorityLabels, label);
    }

    public Optional<TicketType> typeOf(String label) {
        return find(typeLabels, label);
    }

    /** The label that says {@code priority} on GitHub (the first one mapped to it). */
    public Optional<String> labelOf(Priority priority) {
        return priorityLabels.entrySet().stream().filter(e -> e.getValue() == priority).map(Map.Entry::getKey)
                .sorted().findFirst();
    }

    private static <T> Optional<T> find(Map<String, T> map, String label) {
        String wanted = label.strip().toLowerCase(Locale.ROOT);
        return map.entrySet().stream().filter(e -> e.getKey().toLowerCase(Locale.ROOT).equals(wanted))
                .map(Map.Entry::getValue).findFirst();
    }
}
