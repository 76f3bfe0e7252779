package dev.maintenancedesk.watch;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * OSV records (the OSV schema, as api.osv.dev and the GitHub and PyPA advisory databases publish them) and NVD
 * CVE API 2.0 answers, read into {@link Advisory}s. A CVE's CPE ranges become "affected" entries of ecosystem
 * {@code CPE}, compared with the product's packages by name.
 */
final class OsvRecords {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private OsvRecords() {
    }

    static JsonNode tree(byte[] body, String what) throws SourceHttp.Failure {
        try {
            JsonNode n = JSON.readTree(body);
            if (n == null || !n.isObject()) {
                throw new SourceHttp.Failure("notJsonObject", "not a JSON object (" + what + ")", what);
            }
            return n;
        } catch (JacksonException e) {
            throw new SourceHttp.Failure("notJson", "not JSON (" + what + "): " + Texts.clip(e.getOriginalMessage(), 200), what,
                    Texts.clip(e.getOriginalMessage(), 200));
        }
    }

    static Advisory osv(JsonNode r) throws SourceHttp.Failure {
        String id = DependencyFiles.text(r.path("id"));
        if (id == null || id.isBlank()) {
            throw new SourceHttp.Failure("osvNoId", "an OSV record without an id");
        }
        Set<String> aliases = new LinkedHashSet<>();
        for (JsonNode a : r.path("aliases")) {
            String alias = DependencyFiles.text(a);
            if (alias != null && !alias.equals(id)) {
                aliases.add(alias);
            }
        }
        BigDecimal score = null;
        for (JsonNode s : r.path("severity")) {
            String type = DependencyFiles.text(s.path("type"));
            if (type != null && type.startsWith("CVSS_V3")) {
                score = Cvss.baseScore(DependencyFiles.text(s.path("score"))).orElse(null);
            }
        }
        if (score == null) {
            score = switch (String.valueOf(DependencyFiles.text(r.path("database_specific").path("severity")))
                    .toUpperCase(Locale.ROOT)) {
                case "CRITICAL" -> new BigDecimal("9.0");
                case "HIGH" -> new BigDecimal("7.0");
                case "MODERATE", "MEDIUM" -> new BigDecimal("4.0");
                case "LOW" -> new BigDecimal("0.1");
                default -> null;
            };
        }
        List<Advisory.Affected> affected = new ArrayList<>();
        boolean withdrawn = !r.path("withdrawn").isMissingNode() && !r.path("withdrawn").isNull();
        for (JsonNode a : withdrawn ? r.path("none") : r.path("affected")) { // a withdrawn record affects nothing
            String ecosystem = DependencyFiles.text(a.path("package").path("ecosystem"));
            String name = DependencyFiles.text(a.path("package").path("name"));
            if (ecosystem == null || name == null) {
                continue;
            }
            List<Advisory.Range> ranges = new ArrayList<>();
            for (JsonNode range : a.path("ranges")) {
                List<Advisory.Event> events = new ArrayList<>();
                for (JsonNode e : range.path("events")) {
                    for (String kind : List.of("introduced", "fixed", "last_affected", "limit")) {
                        String v = DependencyFiles.text(e.path(kind));
                        if (v != null) {
                            events.add(new Advisory.Event(kind, v));
                        }
                    }
                }
                ranges.add(new Advisory.Range(DependencyFiles.text(range.path("type")), events));
            }
            List<String> versions = new ArrayList<>();
            for (JsonNode v : a.path("versions")) {
                String version = DependencyFiles.text(v);
                if (version != null) {
                    versions.add(version);
                }
            }
            affected.add(new Advisory.Affected(ecosystem, name, ranges, versions));
        }
        String summary = DependencyFiles.text(r.path("summary"));
        if (summary == null || summary.isBlank()) {
            summary = DependencyFiles.text(r.path("details"));
        }
        String link = id.startsWith("GHSA-") ? "https://github.com/advisories/" + id : "https://osv.dev/vulnerability/" + id;
        return new Advisory(id, aliases, Texts.plain(summary, 1000), instant(r.path("published")),
                instant(r.path("modified")), score, link, affected);
    }

    /** The CVEs of one NVD CVE API 2.0 page. */
    static List<Advisory> nvd(JsonNode page) {
        List<Advisory> out = new ArrayList<>();
        for (JsonNode v : page.path("vulnerabilities")) {
            JsonNode cve = v.path("cve");
            String id = DependencyFiles.text(cve.path("id"));
            if (id == null) {
                continue;
            }
            String summary = null;
            for (JsonNode d : cve.path("descriptions")) {
                if ("en".equals(DependencyFiles.text(d.path("lang")))) {
                    summary = DependencyFiles.text(d.path("value"));
                }
            }
            BigDecimal score = null;
            for (String metric : List.of("cvssMetricV40", "cvssMetricV31", "cvssMetricV30", "cvssMetricV2")) {
                for (JsonNode m : cve.path("metrics").path(metric)) {
                    JsonNode s = m.path("cvssData").path("baseScore");
                    if (s.isNumber() && (score == null || "Primary".equals(DependencyFiles.text(m.path("type"))))) {
                        score = s.decimalValue().setScale(1, java.math.RoundingMode.HALF_UP);
                    }
                }
                if (score != null) {
                    break;
                }
            }
            List<Advisory.Affected> affected = new ArrayList<>();
            boolean rejected = "Rejected".equals(DependencyFiles.text(cve.path("vulnStatus")));
            for (JsonNode config : rejected ? cve.path("none") : cve.path("configurations")) { // a rejected CVE affects nothing
                for (JsonNode node : config.path("nodes")) {
                    for (JsonNode match : node.path("cpeMatch")) {
                        if (!match.path("vulnerable").asBoolean(false)) {
                            continue;
                        }
                        cpe(match).ifPresent(affected::add);
                    }
                }
            }
            out.add(new Advisory(id, Set.of(), Texts.plain(summary, 1000), instant(cve.path("published")),
                    instant(cve.path("lastModified")), score, "https://nvd.nist.gov/vuln/detail/" + id, affected));
        }
        return out;
    }

    /** {@code cpe:2.3:a:vendor:product:version:…} with the match's version bounds, as an OSV-like entry. */
    private static java.util.Optional<Advisory.Affected> cpe(JsonNode match) {
        String criteria = DependencyFiles.text(match.path("criteria"));
        if (criteria == null) {
            return java.util.Optional.empty();
        }
        String[] parts = criteria.split("(?<!\\\\):");
        if (parts.length < 6 || !"a".equals(parts[2])) {
            return java.util.Optional.empty();
        }
        String version = parts[5];
        List<Advisory.Event> events = new ArrayList<>();
        String start = DependencyFiles.text(match.path("versionStartIncluding"));
        String startExcl = DependencyFiles.text(match.path("versionStartExcluding"));
        String endExcl = DependencyFiles.text(match.path("versionEndExcluding"));
        String endIncl = DependencyFiles.text(match.path("versionEndIncluding"));
        List<String> versions = new ArrayList<>();
        if (start == null && startExcl == null && endExcl == null && endIncl == null) {
            if (!version.equals("*") && !version.equals("-")) {
                versions.add(version);
            } else {
                events.add(new Advisory.Event("introduced", "0"));
            }
        } else {
            events.add(new Advisory.Event("introduced", start != null ? start : startExcl != null ? startExcl : "0"));
            if (endExcl != null) {
                events.add(new Advisory.Event("fixed", endExcl));
            }
            if (endIncl != null) {
                events.add(new Advisory.Event("last_affected", endIncl));
            }
        }
        List<Advisory.Range> ranges = events.isEmpty() ? List.of() : List.of(new Advisory.Range("ECOSYSTEM", events));
        return java.util.Optional.of(new Advisory.Affected("CPE:" + parts[3], parts[4], ranges, versions));
    }

    static Instant instant(JsonNode n) {
        String text = DependencyFiles.text(n);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC); // NVD: "2024-08-07T15:15:56.250", UTC
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }
}
