package dev.maintenancedesk.watch;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A security advisory in OSV's shape (OSV records as they are; NVD CVEs translated): its id, the other ids
 * it is known by (CVE, GHSA, PYSEC), its CVSS base score when known, and the affected packages and ranges.
 */
record Advisory(String id, Set<String> aliases, String summary, Instant published, Instant modified,
        BigDecimal cvss, String link, List<Affected> affected) {

    /** One affected package: OSV ecosystem and name, version ranges and/or an explicit list of versions. */
    record Affected(String ecosystem, String name, List<Range> ranges, List<String> versions) {}

    /** A range of type ECOSYSTEM or SEMVER (GIT ranges name commits and are not compared). */
    record Range(String type, List<Event> events) {}

    /** {@code introduced}, {@code fixed}, {@code last_affected} or {@code limit}, with its version. */
    record Event(String kind, String version) {}
}
