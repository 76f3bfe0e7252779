package dev.maintenancedesk.watch;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Whether a version of a package falls in an OSV "affected" entry, by the evaluation the OSV schema describes:
 * the events of each ECOSYSTEM or SEMVER range sorted in the ecosystem's order ({@code introduced: "0"} first),
 * a version affected from an {@code introduced} up to (not including) a {@code fixed}, or up to and including a
 * {@code last_affected}; {@code limit} caps the range; the entry's explicit {@code versions} count too.
 */
final class AffectedVersions {

    private AffectedVersions() {
    }

    /** A match: the version is affected; {@code fixed} is the first fixed version above it, when one is known. */
    record Finding(String fixed) {}

    static Optional<Finding> check(Advisory.Affected affected, Ecosystem ecosystem, String version) {
        if (!ecosystem.valid(version)) {
            return Optional.empty();
        }
        Optional<Finding> found = Optional.empty();
        for (Advisory.Range range : affected.ranges()) {
            if (!("ECOSYSTEM".equals(range.type()) || "SEMVER".equals(range.type()))) {
                continue;
            }
            Optional<Finding> f = inRange(range, ecosystem, version);
            if (f.isPresent() && (found.isEmpty() || found.get().fixed() == null)) {
                found = f;
            }
        }
        if (found.isEmpty() && affected.versions().stream().anyMatch(v -> ecosystem.valid(v)
                && ecosystem.compare(v, version) == 0)) {
            found = Optional.of(new Finding(null));
        }
        return found;
    }

    private static Optional<Finding> inRange(Advisory.Range range, Ecosystem ecosystem, String version) {
        Comparator<String> order = (a, b) -> zero(a) ? (zero(b) ? 0 : -1) : zero(b) ? 1 : ecosystem.compare(a, b);
        List<Advisory.Event> events = new ArrayList<>(range.events().stream()
                .filter(e -> e.version() != null && (zero(e.version()) && "introduced".equals(e.kind())
                        || ecosystem.valid(e.version())))
                .toList());
        events.sort(Comparator.comparing(Advisory.Event::version, order));
        for (Advisory.Event e : events) {
            if ("limit".equals(e.kind()) && order.compare(version, e.version()) >= 0) {
                return Optional.empty();
            }
        }
        boolean affected = false;
        int at = -1;
        for (int i = 0; i < events.size(); i++) {
            Advisory.Event e = events.get(i);
            int c = order.compare(version, e.version());
            switch (e.kind()) {
                case "introduced" -> {
                    if (c >= 0) {
                        affected = true;
                        at = i;
                    }
                }
                case "fixed" -> {
                    if (c >= 0) {
                        affected = false;
                    }
                }
                case "last_affected" -> {
                    if (c > 0) {
                        affected = false;
                    }
                }
                default -> {
                }
            }
        }
        if (!affected) {
            return Optional.empty();
        }
        for (int i = at + 1; i < events.size(); i++) {
            Advisory.Event e = events.get(i);
            if ("fixed".equals(e.kind()) && order.compare(version, e.version()) < 0) {
                return Optional.of(new Finding(e.version()));
            }
            if ("last_affected".equals(e.kind()) || "introduced".equals(e.kind())) {
                break;
            }
        }
        return Optional.of(new Finding(null));
    }

    private static boolean zero(String v) {
        return "0".equals(v);
    }
}
