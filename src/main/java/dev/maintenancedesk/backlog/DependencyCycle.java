package dev.maintenancedesk.backlog;

import java.util.List;
import java.util.stream.Collectors;

/** The tickets' blocks/blocked-by links go round: {@code path} starts and ends with the same ticket. */
final class DependencyCycle extends RuntimeException {

    private final List<Long> path;

    DependencyCycle(List<Long> path) {
        super("dependency cycle: " + text(path));
        this.path = List.copyOf(path);
    }

    List<Long> path() {
        return path;
    }

    /** {@code #12 → #15 → #12}: each ticket blocks the next. */
    static String text(List<Long> path) {
        return path.stream().map(n -> "#" + n).collect(Collectors.joining(" → "));
    }
}
