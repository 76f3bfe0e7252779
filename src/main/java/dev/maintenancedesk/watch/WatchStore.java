package dev.maintenancedesk.watch;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;

/**
 * The watch's tables: each source's last fetch, items (unique per source and guid), advisories (one row per
 * vulnerability: every id it is known by — CVE, GHSA, PYSEC — points to it through the alias table, so an OSV
 * record and the NVD CVE it aliases merge), and the alerts that opened tickets.
 */
@Component
class WatchStore {

    private static final TypeReference<List<Advisory.Affected>> AFFECTED = new TypeReference<>() {};

    private final JdbcClient jdbc;

    WatchStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A source's (or dependency file's) recorded state. */
    record SourceRow(String key, String state, String error, String errorCode, List<String> errorArgs,
            Instant lastAttempt, Instant lastSuccess, Instant retryAfter, String etag, String lastModified, int itemCount) {}

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

    Optional<SourceRow> source(String key) {
        return jdbc.sql("SELECT * FROM watch_sources WHERE source_key = ?").param(key)
                .query((rs, n) -> new SourceRow(rs.getString("source_key"), rs.getString("state"), rs.getString("error"),
                        rs.getString("error_code"), rs.getString("error_args") == null ? List.of()
                                : OsvRecords.JSON.readValue(rs.getString("error_args"), STRINGS),
                        instant(rs.getObject("last_attempt", OffsetDateTime.class)),
                        instant(rs.getObject("last_success", OffsetDateTime.class)),
                        instant(rs.getObject("retry_after", OffsetDateTime.class)), rs.getString("etag"),
                        rs.getString("last_modified"), rs.getInt("item_count")))
                .optional();
    }

    void recordSuccess(String key, String state, String etag, String lastModified, int itemCount, Instant now) {
        SourceRow before = source(key).orElse(null);
        if (before == null) {
            jdbc.sql("INSERT INTO watch_sources (source_key, state, last_attempt, last_success, etag, last_modified,"
                    + " item_count) VALUES (?, ?, ?, ?, ?, ?, ?)")
                    .params(key, state, ts(now), ts(now), etag, Texts.clip(lastModified, 100), itemCount).update();
        } else {
            jdbc.sql("UPDATE watch_sources SET state = ?, error = NULL, error_code = NULL, error_args = NULL, last_attempt = ?, last_success = ?,"
                    + " retry_after = NULL, etag = ?, last_modified = ?, item_count = ? WHERE source_key = ?")
                    .params(state, ts(now), ts(now), etag, Texts.clip(lastModified, 100), itemCount, key).update();
        }
    }

    void recordFailure(String key, String error, String code, List<String> args, Instant retryAfter, Instant now) {
        String message = Texts.clip(error, 1000);
        String json = Texts.clip(OsvRecords.JSON.writeValueAsString(args.stream().map(a -> Texts.clip(a, 200)).toList()), 1000);
        if (!json.endsWith("]")) {
            json = "[]";
        }
        if (source(key).isEmpty()) {
            jdbc.sql("INSERT INTO watch_sources (source_key, state, error, error_code, error_args, last_attempt, retry_after)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?)")
                    .params(key, "FAILING", message, code, json, ts(now), ts(retryAfter)).update();
        } else {
            jdbc.sql("UPDATE watch_sources SET state = 'FAILING', error = ?, error_code = ?, error_args = ?, last_attempt = ?,"
                    + " retry_after = ? WHERE source_key = ?").params(message, code, json, ts(now), ts(retryAfter), key).update();
        }
    }

    /** Stores the items not stored yet (by source and guid); answers how many were new. */
    int saveItems(String sourceKey, List<Item> items, Instant now) {
        int added = 0;
        Set<String> seen = new java.util.HashSet<>();
        for (Item i : items) {
            if (!seen.add(i.guid())) {
                continue;
            }
            boolean exists = jdbc.sql("SELECT COUNT(*) FROM watch_items WHERE source_key = ? AND guid = ?")
                    .params(sourceKey, i.guid()).query(Integer.class).single() > 0;
            if (exists) {
                if (i.advisoryId() != null) {
                    jdbc.sql("UPDATE watch_items SET title = ?, summary = ? WHERE source_key = ? AND guid = ?")
                            .params(Texts.clip(i.title(), 500), Texts.clip(i.summary(), 4000), sourceKey, i.guid()).update();
                }
                continue;
            }
            jdbc.sql("INSERT INTO watch_items (source_key, guid, title, link, summary, published_at, fetched_at,"
                    + " advisory_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(sourceKey, i.guid(), Texts.clip(i.title(), 500), Texts.clip(i.link(), 2000),
                            Texts.clip(i.summary(), 4000), ts(i.published()), ts(now),
                            i.advisoryId() == null ? null : canonical(i.advisoryId()).orElse(i.advisoryId()))
                    .update();
            added++;
        }
        return added;
    }

    /** The id an advisory is stored under, found by any of its ids. */
    Optional<String> canonical(String anyId) {
        return jdbc.sql("SELECT advisory_id FROM watch_advisory_aliases WHERE alias = ?").param(anyId)
                .query(String.class).optional();
    }

    /** The last modification stored for the advisory known by this id (null: not stored). */
    Instant storedModified(String anyId) {
        return canonical(anyId).flatMap(id -> jdbc.sql("SELECT modified_at FROM watch_advisories WHERE advisory_id = ?")
                .param(id).query((rs, n) -> instant(rs.getObject(1, OffsetDateTime.class))).optional()).orElse(null);
    }

    /**
     * Stores an advisory, merged with every stored advisory that shares one of its ids: one row, the union of
     * the ids, the highest known score, and the affected entries of the newest record of each origin (OSV
     * packages, NVD CPEs). Answers the id it is stored under.
     */
    String saveAdvisory(Advisory a, String sourceKey, Instant now) {
        Set<String> ids = new LinkedHashSet<>();
        ids.add(a.id());
        ids.addAll(a.aliases());
        List<String> owners = new ArrayList<>();
        for (String id : ids) {
            canonical(id).filter(o -> !owners.contains(o)).ifPresent(owners::add);
        }
        if (owners.isEmpty()) {
            jdbc.sql("INSERT INTO watch_advisories (advisory_id, aliases, summary, cvss, link, published_at, modified_at,"
                    + " first_seen_at, sources, affected) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(a.id(), String.join(" ", a.aliases()), Texts.clip(a.summary(), 4000), a.cvss(), a.link(),
                            ts(a.published()), ts(a.modified()), ts(now), sourceKey, json(a.affected()))
                    .update();
            for (String id : ids) {
                jdbc.sql("INSERT INTO watch_advisory_aliases (alias, advisory_id) VALUES (?, ?)").params(id, a.id()).update();
            }
            return a.id();
        }
        // One name for the merged advisory whatever the order records arrive in: the CVE id when there is one
        // (every source knows it), else the smallest id.
        owners.sort(java.util.Comparator.comparing((String o) -> !o.startsWith("CVE-"))
                .thenComparing(java.util.Comparator.naturalOrder()));
        String owner = owners.getFirst();
        Stored base = stored(owner).orElseThrow();
        Set<String> all = new LinkedHashSet<>(base.aliases());
        all.addAll(ids);
        BigDecimal cvss = base.cvss();
        List<Advisory.Affected> affected = new ArrayList<>(base.affected());
        Set<String> sources = new LinkedHashSet<>(Arrays.asList(base.sources().split(" ")));
        for (String other : owners.subList(1, owners.size())) {
            Stored o = stored(other).orElseThrow();
            all.add(other);
            all.addAll(o.aliases());
            cvss = max(cvss, o.cvss());
            o.affected().stream().filter(x -> !affected.contains(x)).forEach(affected::add);
            sources.addAll(Arrays.asList(o.sources().split(" ")));
            jdbc.sql("UPDATE watch_advisory_aliases SET advisory_id = ? WHERE advisory_id = ?").params(owner, other).update();
            jdbc.sql("UPDATE watch_items SET advisory_id = ? WHERE advisory_id = ?").params(owner, other).update();
            jdbc.sql("UPDATE watch_alerts SET advisory_id = ? WHERE advisory_id = ? AND NOT EXISTS (SELECT 1 FROM"
                    + " watch_alerts w WHERE w.advisory_id = ? AND w.ecosystem = watch_alerts.ecosystem AND"
                    + " w.package = watch_alerts.package AND w.version = watch_alerts.version)")
                    .params(owner, other, owner).update();
            jdbc.sql("DELETE FROM watch_advisories WHERE advisory_id = ?").param(other).update();
        }
        boolean cpe = a.affected().stream().anyMatch(x -> x.ecosystem().startsWith("CPE:"));
        boolean packages = a.affected().stream().anyMatch(x -> !x.ecosystem().startsWith("CPE:"));
        affected.removeIf(x -> x.ecosystem().startsWith("CPE:") ? cpe : packages);
        affected.addAll(a.affected());
        sources.add(sourceKey);
        all.remove(owner);
        for (String id : ids) {
            if (canonical(id).isEmpty()) {
                jdbc.sql("INSERT INTO watch_advisory_aliases (alias, advisory_id) VALUES (?, ?)").params(id, owner).update();
            }
        }
        Instant modified = a.modified() != null && (base.modified() == null || a.modified().isAfter(base.modified()))
                ? a.modified() : base.modified();
        jdbc.sql("UPDATE watch_advisories SET aliases = ?, summary = ?, cvss = ?, link = ?, published_at = ?,"
                + " modified_at = ?, sources = ?, affected = ? WHERE advisory_id = ?")
                .params(Texts.clip(String.join(" ", all), 2000),
                        Texts.clip(base.summary() != null ? base.summary() : a.summary(), 4000), max(cvss, a.cvss()),
                        base.link() != null ? base.link() : a.link(),
                        ts(base.published() != null ? base.published() : a.published()), ts(modified),
                        Texts.clip(String.join(" ", sources), 300), json(affected), owner)
                .update();
        return owner;
    }

    /** An advisory as stored. */
    record Stored(String id, Set<String> aliases, String summary, BigDecimal cvss, String link, Instant published,
            Instant modified, Instant firstSeen, String sources, List<Advisory.Affected> affected) {}

    Optional<Stored> stored(String id) {
        return jdbc.sql("SELECT * FROM watch_advisories WHERE advisory_id = ?").param(id).query(this::storedRow).optional();
    }

    List<Stored> advisories() {
        return jdbc.sql("SELECT * FROM watch_advisories ORDER BY advisory_id").query(this::storedRow).list();
    }

    private Stored storedRow(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        String aliases = rs.getString("aliases");
        return new Stored(rs.getString("advisory_id"),
                aliases.isBlank() ? Set.of() : new LinkedHashSet<>(Arrays.asList(aliases.split(" "))),
                rs.getString("summary"), rs.getBigDecimal("cvss"), rs.getString("link"),
                instant(rs.getObject("published_at", OffsetDateTime.class)),
                instant(rs.getObject("modified_at", OffsetDateTime.class)),
                instant(rs.getObject("first_seen_at", OffsetDateTime.class)), rs.getString("sources"),
                OsvRecords.JSON.readValue(rs.getString("affected"), AFFECTED));
    }

    /** Whether an alert exists for this dependency under any id of the advisory. */
    boolean alertExists(Set<String> advisoryIds, String ecosystem, String pkg, String version) {
        for (String id : advisoryIds) {
            if (jdbc.sql("SELECT COUNT(*) FROM watch_alerts WHERE advisory_id = ? AND ecosystem = ? AND package = ?"
                    + " AND version = ?").params(id, ecosystem, pkg, version).query(Integer.class).single() > 0) {
                return true;
            }
        }
        return false;
    }

    void insertAlert(String advisoryId, String ecosystem, String pkg, String version, String fixed, BigDecimal cvss,
            long ticket, Instant now) {
        jdbc.sql("INSERT INTO watch_alerts (advisory_id, ecosystem, package, version, fixed, cvss, ticket_number,"
                + " opened_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(advisoryId, ecosystem, pkg, version, fixed, cvss, ticket, ts(now)).update();
    }

    /** An alert: a ticket opened for an advisory that touches one of the product's dependencies. */
    record AlertRow(String advisoryId, String ecosystem, String pkg, String version, String fixed, BigDecimal cvss,
            long ticket, Instant openedAt) {}

    List<AlertRow> alerts() {
        return jdbc.sql("SELECT * FROM watch_alerts ORDER BY cvss DESC NULLS LAST, advisory_id, package")
                .query((rs, n) -> new AlertRow(rs.getString("advisory_id"), rs.getString("ecosystem"),
                        rs.getString("package"), rs.getString("version"), rs.getString("fixed"), rs.getBigDecimal("cvss"),
                        rs.getLong("ticket_number"), instant(rs.getObject("opened_at", OffsetDateTime.class))))
                .list();
    }

    /** A stored item, for the digest. */
    record ItemRow(String sourceKey, String guid, String title, String link, String summary, Instant published,
            String advisoryId) {}

    List<ItemRow> items(Instant from, Instant to) {
        return jdbc.sql("SELECT * FROM watch_items WHERE published_at >= ? AND published_at < ?"
                + " ORDER BY published_at DESC, id DESC")
                .params(ts(from), ts(to))
                .query((rs, n) -> new ItemRow(rs.getString("source_key"), rs.getString("guid"), rs.getString("title"),
                        rs.getString("link"), rs.getString("summary"),
                        instant(rs.getObject("published_at", OffsetDateTime.class)), rs.getString("advisory_id")))
                .list();
    }

    int itemCount(String sourceKey) {
        return jdbc.sql("SELECT COUNT(*) FROM watch_items WHERE source_key = ?").param(sourceKey)
                .query(Integer.class).single();
    }

    private static String json(List<Advisory.Affected> affected) {
        return OsvRecords.JSON.writeValueAsString(affected);
    }

    private static BigDecimal max(BigDecimal a, BigDecimal b) {
        return a == null ? b : b == null ? a : a.max(b);
    }

    private static OffsetDateTime ts(Instant i) {
        return i == null ? null : i.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}
