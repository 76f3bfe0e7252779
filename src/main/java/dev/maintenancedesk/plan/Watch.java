package dev.maintenancedesk.plan;

import java.math.BigDecimal;
import java.util.List;

/**
 * Technology watch (section 12): the sources, how often they are consolidated into a labelled ticket, the
 * product's dependency files (paths in its repository clone) whose packages advisories are matched against,
 * and the CVSS thresholds that give a matched advisory's ticket its priority.
 */
public record Watch(List<Source> sources, Frequency consolidation, String label, List<String> dependencyFiles,
        String securityLabel, CvssThresholds cvss) {

    /**
     * {@code url} is a feed (RSS/Atom), the NVD CVE API 2.0, or OSV's {@code /v1/querybatch}; {@code packages}
     * ("ECOSYSTEM:name") are, for OSV, packages watched besides the product's dependencies and, for NVD, the
     * names searched for ({@code keywordSearch}; none: every CVE modified in the window).
     */
    public record Source(String key, String name, Kind kind, String url, List<String> packages) {}

    public enum Kind { FEED, NVD, OSV }

    /** The lowest CVSS base score of P1, P2 and P3; below {@code p3}, P4. */
    public record CvssThresholds(BigDecimal p1, BigDecimal p2, BigDecimal p3) {

        public static final CvssThresholds DEFAULT = new CvssThresholds(new BigDecimal("9.0"), new BigDecimal("7.0"),
                new BigDecimal("4.0"));

        /** The priority of an advisory of this score; an unknown score (null) is treated as P3. */
        public Priority priority(BigDecimal score) {
            if (score == null) {
                return Priority.P3;
            }
            if (score.compareTo(p1) >= 0) {
                return Priority.P1;
            }
            if (score.compareTo(p2) >= 0) {
                return Priority.P2;
            }
            return score.compareTo(p3) >= 0 ? Priority.P3 : Priority.P4;
        }
    }
}
