package dev.maintenancedesk.hostile;

import dev.maintenancedesk.DeskClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hostile requests against the running desk, over real HTTP on loopback: every operation of
 * {@code /v3/api-docs} (path and query parameters replaced by hostile values, bodies built from the
 * schemas with each field mutated, bodies that are no JSON, wrong content types) and the web forms
 * (with a logged-in session and its CSRF token; each field over its column, NUL, lone surrogates…),
 * as an ADMIN, as a REPORTER and anonymously. Deterministic (a fixed seed), bounded in count and time.
 *
 * <p>Checked for every answer: no 5xx, no Java class name or stack frame in the body. For every
 * refused (4xx) or must-be-refused request that may write: no row changed in the tables of
 * {@link DbSnapshot}; a NUL or lone surrogate is never accepted into a stored text; every ticket
 * created takes the number after the highest one (refused creates consume no number). Every failure is
 * kept with the request that caused it; {@link Report#failures()} holds them all.
 */
final class HostileCampaign {

    static final long SEED = 20261129L;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern CREATED_PAGE = Pattern.compile("/tickets/(\\d+)$");
    private static final String VERSION = "\"__VERSION__\"";

    /** One request of the campaign. */
    record Probe(String family, String role, String method, String path, Map<String, String> headers, String body,
            boolean writes, boolean form, boolean mustReject, boolean create, boolean storedHostileText, long versionOf) {

        String shown() {
            String ct = headers.getOrDefault("Content-Type", "");
            String accept = headers.getOrDefault("Accept", "");
            return role + " " + method + " " + Hostile.shown(path, 300) + (ct.isEmpty() ? "" : " [" + ct + "]")
                    + (accept.isEmpty() || accept.equals("application/json") || accept.equals("text/html") ? ""
                            : " [Accept: " + accept + "]")
                    + (body == null ? "" : " " + Hostile.shown(body, 300));
        }
    }

    /** A failed check, with the request that caused it. */
    record Failure(String kind, String request, String detail) {
        @Override
        public String toString() {
            return "[" + kind + "] " + request + " → " + detail;
        }
    }

    /** What a campaign found. */
    record Report(int requests, int fiveXx, List<Failure> failures, long millis, boolean incomplete) {

        Map<String, Integer> countsByKind() {
            Map<String, Integer> counts = new TreeMap<>();
            failures.forEach(f -> counts.merge(f.kind(), 1, Integer::sum));
            return counts;
        }

        String summary() {
            StringBuilder b = new StringBuilder();
            b.append("hostile campaign: ").append(requests).append(" requests in ").append(millis / 1000.0)
                    .append(" s, ").append(fiveXx).append(" answered 5xx, ").append(failures.size()).append(" failures")
                    .append(incomplete ? " (STOPPED at its time bound)" : "").append('\n');
            countsByKind().forEach((k, n) -> b.append("  ").append(n).append(" × ").append(k).append('\n'));
            return b.toString();
        }

        String full() {
            StringBuilder b = new StringBuilder(summary());
            failures.forEach(f -> b.append(f).append('\n'));
            return b.toString();
        }
    }

    private final int port;
    private final JdbcClient jdbc;
    private final Random random = new Random(SEED);
    private final String tag;

    private HostileHttp admin;
    private HostileHttp reporter;
    private HostileHttp anonymous;
    private HostileHttp adminBrowser;
    private HostileHttp reporterBrowser;
    private String victim;
    private long ticket;
    private long mover;
    private long reportersTicket;
    private JsonNode spec;
    private List<String> sectionKeys = List.of();
    private int unique;
    /** Whether the wide SLA spans are sent: each costs seconds of CPU (and, before the fix, memory held for ever). */
    private boolean full;
    static final int WIDE_SPANS_FROM = 5000;

    HostileCampaign(int port, JdbcClient jdbc, String tag) {
        this.port = port;
        this.jdbc = jdbc;
        this.tag = tag;
    }

    /** Users, sessions and tickets of the campaign's own, and the OpenAPI description. */
    void prepare() {
        DeskClient root = DeskClient.admin(port);
        String adminName = tag + "-admin";
        String reporterName = tag + "-reporter";
        victim = tag + "-victim";
        String password = "campaign-password-" + tag;
        for (String[] user : new String[][] {{adminName, "ADMIN"}, {reporterName, "REPORTER"}, {victim, "REPORTER"}}) {
            var created = root.post("/api/v1/users", DeskClient.json(
                    "{\"username\":%s,\"password\":%s,\"role\":%s}", user[0], password, user[1]));
            if (created.status() != 201) {
                throw new IllegalStateException("could not create " + user[0] + ": " + created);
            }
        }
        admin = HostileHttp.bearer(port, DeskClient.browserLogin(port, adminName, password).createToken("hostile", "admin"));
        reporter = HostileHttp.bearer(port, DeskClient.browserLogin(port, reporterName, password).createToken("hostile"));
        anonymous = HostileHttp.anonymous(port);
        adminBrowser = HostileHttp.browser(port, adminName, password);
        reporterBrowser = HostileHttp.browser(port, reporterName, password);
        ticket = create(admin, "{\"title\":\"Hostile target\",\"priority\":\"P1\",\"labels\":[\"security\"]}");
        mover = create(admin, "{\"title\":\"Hostile mover\"}");
        reportersTicket = create(reporter, "{\"title\":\"Hostile reporter's own\"}");
        spec = JSON.readTree(admin.send("GET", "/v3/api-docs", Map.of("Accept", "application/json"), null).body());
        JsonNode pm = JSON.readTree(admin.send("GET", "/api/v1/tickets/" + ticket + "/postmortem",
                Map.of("Accept", "application/json"), null).body());
        List<String> keys = new ArrayList<>();
        pm.get("sections").forEach(s -> keys.add(s.get("key").asString()));
        sectionKeys = List.copyOf(keys);
    }

    private static long create(HostileHttp as, String body) {
        var r = as.send("POST", "/api/v1/tickets", Map.of("Content-Type", "application/json", "Accept", "application/json"),
                body.getBytes(StandardCharsets.UTF_8));
        if (r.status() != 201) {
            throw new IllegalStateException("could not create a ticket: " + r);
        }
        return JSON.readTree(r.body()).get("number").asLong();
    }

    // ------------------------------------------------------------------ generation

    /** A place a hostile value goes, and how the request is then built. */
    private record Slot(String family, Function<String, Probe> make, boolean json) {}

    private final Map<String, List<Probe>> catalogue = new LinkedHashMap<>();
    private final List<Slot> slots = new ArrayList<>();

    private void add(Probe p) {
        catalogue.computeIfAbsent(p.family(), k -> new ArrayList<>()).add(p);
    }

    /** The requests, at most {@code limit}: the systematic cases interleaved by family, then seeded random ones. */
    List<Probe> generate(int limit) {
        full = limit > WIDE_SPANS_FROM;
        apiOperations();
        webForms();
        webPages();
        List<Probe> out = new ArrayList<>();
        List<Iterator<Probe>> its = new ArrayList<>(catalogue.values().stream().map(List::iterator).toList());
        while (out.size() < limit && !its.isEmpty()) {
            for (Iterator<Iterator<Probe>> i = its.iterator(); i.hasNext() && out.size() < limit;) {
                Iterator<Probe> it = i.next();
                if (it.hasNext()) {
                    out.add(it.next());
                } else {
                    i.remove();
                }
            }
        }
        while (out.size() < limit) {
            Slot slot = slots.get(random.nextInt(slots.size()));
            out.add(slot.make().apply(slot.json() ? randomJson() : randomText()));
        }
        return out;
    }

    private static final int[] EDGES = {1, 39, 40, 41, 50, 51, 63, 64, 65, 99, 100, 101, 199, 200, 201, 253, 254, 255,
            499, 500, 501, 999, 1000, 1001, 2000, 2001, 3999, 4000, 4001, 10_000, 65_536, 65_537};
    private static final String[] PIECES = {"\u0000", "\ud800", "\udc00", "\u0007", "\u001b", "\u202e", "\u200b",
            "\uD83D\uDE00", "é", "'", "\"", "\\", "%", "&", "=", "+", "#", "<", ">", "${x}", "{{7*7}}", "\r\n", "\t",
            "_", "-", "9223372036854775807", "NaN", "null", "🂡", "\ufeff", "\uffff", " "};

    private String randomText() {
        StringBuilder b = new StringBuilder();
        int pieces = 1 + random.nextInt(6);
        for (int i = 0; i < pieces; i++) {
            b.append(PIECES[random.nextInt(PIECES.length)]);
        }
        if (random.nextInt(4) == 0) {
            int n = EDGES[random.nextInt(EDGES.length)];
            b.append("y".repeat(Math.max(0, Math.min(n, 3000) - b.length())));
        }
        return b.toString();
    }

    private String randomJson() {
        return switch (random.nextInt(6)) {
            case 0 -> Hostile.JSON_VALUES.get(random.nextInt(Hostile.JSON_VALUES.size()));
            case 1 -> Long.toString(random.nextLong());
            case 2 -> "[" + Hostile.json(randomText()) + ",null]";
            case 3 -> Hostile.json("z".repeat(EDGES[random.nextInt(EDGES.length)]));
            default -> Hostile.json(randomText());
        };
    }

    private String nextName(String prefix) {
        return tag + "-" + prefix + (++unique);
    }

    // ---------------------------------------------------------------- API (OpenAPI)

    private void apiOperations() {
        JsonNode paths = spec.get("paths");
        for (var pathEntry : paths.properties()) {
            String template = pathEntry.getKey();
            for (var opEntry : pathEntry.getValue().properties()) {
                operation(template, opEntry.getKey().toUpperCase(), opEntry.getValue());
            }
        }
        // Routes outside the description.
        String fam = "GET (unlisted)";
        for (String path : List.of("/error", "/error?status=500", "/api/v1/nothing-here", "/api/v1/tickets/%2e%2e/",
                "/api/v1/tickets/1/../../users", "/api/v1/tickets/;jsessionid=x", "/api/v1//tickets", "/v3/api-docs?group=%00",
                "/api/v1/tickets/%ED%A0%80/history", "/actuator", "/actuator/env", "/api/v1/tickets?" + "a=1&".repeat(500))) {
            for (HostileHttp who : List.of(admin, anonymous)) {
                add(probe(fam, who, "GET", path, Map.of("Accept", "application/json"), null, false, false));
                add(probe(fam, who, "GET", path, Map.of("Accept", "text/html"), null, false, false));
            }
        }
        add(probe("POST /error", admin, "POST", "/error", Map.of("Content-Type", "application/json"), "{}", true, false));
        add(probe("TRACE", admin, "TRACE", "/api/v1/tickets", Map.of(), null, false, false));
        add(probe("PROPFIND", admin, "PROPFIND", "/api/v1/tickets", Map.of(), null, false, false));
    }

    private record Param(String name, String in, boolean required, JsonNode schema) {}

    private void operation(String template, String method, JsonNode op) {
        String family = method + " " + template;
        List<Param> params = new ArrayList<>();
        if (op.has("parameters")) {
            for (JsonNode p : op.get("parameters")) {
                params.add(new Param(p.get("name").asString(), p.get("in").asString(),
                        p.has("required") && p.get("required").asBoolean(), p.get("schema")));
            }
        }
        JsonNode bodySchema = null;
        if (op.has("requestBody")) {
            JsonNode content = op.get("requestBody").get("content");
            bodySchema = resolve(content.get(content.propertyNames().iterator().next()).get("schema"));
        }
        Map<String, String> basePath = new LinkedHashMap<>();
        Map<String, String> baseQuery = new LinkedHashMap<>();
        for (Param p : params) {
            if (p.in().equals("path")) {
                basePath.put(p.name(), pathBase(p.name()));
            } else if (p.in().equals("query") && p.required()) {
                baseQuery.put(p.name(), Hostile.url(queryBase(template, p)));
            }
        }
        boolean writes = !method.equals("GET");
        boolean storing = writes && !template.contains("/lint") && !template.contains("/releases/notes");
        boolean creates = method.equals("POST") && template.equals("/api/v1/tickets");
        String baseBody = bodySchema == null ? null : baseBody(template, bodySchema);
        Function<Map<String, String>, String> url = q -> {
            String path = template;
            for (var e : basePath.entrySet()) {
                path = path.replace("{" + e.getKey() + "}", e.getValue());
            }
            return path + query(q);
        };
        Map<String, String> jsonHeaders = baseBody == null ? Map.of("Accept", "application/json")
                : Map.of("Accept", "application/json", "Content-Type", "application/json");

        // The base request, as each role; then with other Accept headers.
        for (HostileHttp who : List.of(admin, reporter, anonymous)) {
            add(probe(family, who, method, url.apply(baseQuery), jsonHeaders, fresh(baseBody), writes, creates));
        }
        for (String accept : Hostile.ACCEPTS) {
            Map<String, String> h = new LinkedHashMap<>(jsonHeaders);
            h.put("Accept", accept);
            add(probe(family, admin, method, url.apply(baseQuery), h, fresh(baseBody), writes, creates));
        }
        // Path parameters.
        for (Param p : params) {
            if (!p.in().equals("path")) {
                continue;
            }
            Function<String, Probe> slot = v -> {
                String path = template;
                for (var e : basePath.entrySet()) {
                    path = path.replace("{" + e.getKey() + "}", e.getKey().equals(p.name()) ? v : e.getValue());
                }
                return probe(family, admin, method, path + query(baseQuery), jsonHeaders, fresh(baseBody), writes, creates);
            };
            Hostile.PATH_VALUES.forEach(v -> add(slot.apply(v)));
            slots.add(new Slot(family, v -> slot.apply(Hostile.url(v)), false));
        }
        // Query parameters: hostile values, repeated, and for instants pairs kept close (see below).
        for (Param p : params) {
            if (!p.in().equals("query")) {
                continue;
            }
            String paramFamily = family + " ?" + p.name();
            Function<String, Probe> slot = raw -> {
                Map<String, String> q = new LinkedHashMap<>(baseQuery);
                q.put(p.name(), raw);
                pairInstants(template, p.name(), raw, q);
                return probe(paramFamily, admin, method, url.apply(q), jsonHeaders, fresh(baseBody), writes, creates);
            };
            String good = Hostile.url(queryBase(template, p));
            add(slot.apply(good + "&" + p.name() + "=" + Hostile.url("other")));
            if (template.equals("/api/v1/tickets") && p.name().equals("after")) {
                add(slot.apply(Hostile.url("9223372036854775807_1") + "&order=due"));
                add(slot.apply(Hostile.url("1_9223372036854775807") + "&order=due"));
            }
            List<String> values = new ArrayList<>(Hostile.TEXTS);
            values.addAll(3, typed(p.schema()));
            values.forEach(v -> add(slot.apply(Hostile.url(v))));
            add(slot.apply(good + "&" + p.name() + "=" + good));
            add(slot.apply(good + "&" + p.name() + "="));
            add(slot.apply(good + "&" + p.name() + "%00=1"));
            slots.add(new Slot(paramFamily, v -> slot.apply(Hostile.url(v)), false));
            for (HostileHttp who : List.of(reporter, anonymous)) {
                Map<String, String> q = new LinkedHashMap<>(baseQuery);
                q.put(p.name(), Hostile.url(Hostile.NUL));
                pairInstants(template, p.name(), q.get(p.name()), q);
                add(probe(family, who, method, url.apply(q), jsonHeaders, fresh(baseBody), writes, creates));
            }
        }
        if (template.equals("/api/v1/sla/between") && full) {
            // Wide spans: each once (today each costs seconds and memory held for ever).
            String[][] spans = {{"+10000-01-01T00:00:00Z", "+20000-01-01T00:00:00Z"},
                    {"3000-01-01T00:00:00Z", "5000-01-01T00:00:00Z"}, {"2200-01-01T00:00:00Z", "1970-01-01T00:00:00Z"},
                    {"1969-12-31T23:59:59Z", "1970-01-02T00:00:00Z"}, {"2199-12-31T00:00:00Z", "2200-01-02T00:00:00Z"}};
            for (String[] s : spans) {
                add(probe(family, reporter, method, template + "?start=" + Hostile.url(s[0]) + "&end=" + Hostile.url(s[1]),
                        jsonHeaders, null, false, false));
            }
        }
        if (baseBody == null) {
            return;
        }
        // Body: each field replaced by each hostile JSON value (added when absent), nested ones too.
        JsonNode props = bodySchema.get("properties");
        List<String[]> fields = new ArrayList<>();
        if (props != null) {
            for (var prop : props.properties()) {
                JsonNode s = resolve(prop.getValue());
                fields.add(new String[] {prop.getKey(), null});
                if (s.has("additionalProperties")) {
                    fields.add(new String[] {prop.getKey(), "{}"});
                }
                if ("array".equals(text(s, "type")) && s.has("items") && resolve(s.get("items")).has("properties")) {
                    for (String inner : resolve(s.get("items")).get("properties").propertyNames()) {
                        fields.add(new String[] {prop.getKey(), "[0]." + inner});
                    }
                }
            }
        }
        for (String[] f : fields) {
            String field = f[0];
            String nested = f[1];
            boolean secret = field.toLowerCase().contains("password");
            Function<String, Probe> slot = v -> {
                String body = withField(baseBody, field, nested, v, template);
                boolean hostileText = storing && !secret && (Hostile.hasNul(v)
                        || (template.startsWith("/api/v1/tickets") && !template.endsWith("/postmortem") && Hostile.lone(v)));
                Probe p = probe(family + " ." + field + (nested == null ? "" : nested), admin, method, url.apply(baseQuery),
                        jsonHeaders, body, writes, creates);
                return hostileText ? withStoredHostileText(p) : p;
            };
            List<String> values = new ArrayList<>(Hostile.JSON_VALUES);
            if ("{}".equals(nested)) {
                String key = template.contains("postmortem") && !sectionKeys.isEmpty() ? sectionKeys.getFirst() : "k";
                values = List.of("{\"" + key + "\":null}", "{\"" + key + "\":" + Hostile.json(Hostile.NUL) + "}",
                        "{\"" + key + "\":" + Hostile.json(Hostile.LONE) + "}",
                        "{\"" + key + "\":" + Hostile.json("x".repeat(20_001)) + "}", "{\"\":\"x\"}",
                        "{" + Hostile.json("k".repeat(10_000)) + ":\"x\"}", "{\"" + key + "\":{}}", "{\"" + key + "\":[1]}");
            }
            values.forEach(v -> add(slot.apply(v)));
            slots.add(new Slot(family + " ." + field, slot, true));
            add(asRole(slot.apply(Hostile.json(Hostile.NUL)), reporter));
        }
        // Whole bodies and content types.
        String bodyFamily = family + " (body)";
        add(probe(bodyFamily, admin, method, url.apply(baseQuery), jsonHeaders,
                fresh(baseBody).replaceFirst("\\}$", ",\"zzUnknown\":1}"), writes, creates));
        add(probe(bodyFamily, admin, method, url.apply(baseQuery), jsonHeaders,
                fresh(baseBody).substring(0, baseBody.length() - 1), writes, creates));
        add(probe(bodyFamily, admin, method, url.apply(baseQuery), jsonHeaders,
                fresh(baseBody).replaceFirst("^\\{", "{\"a\":1,\"a\":2,"), writes, creates));
        add(probe(bodyFamily, admin, method, url.apply(baseQuery), jsonHeaders,
                fresh(baseBody) + " ".repeat(1 << 20), writes, creates));
        for (String body : Hostile.BODIES) {
            add(probe(bodyFamily, admin, method, url.apply(baseQuery), jsonHeaders, body, writes, creates));
        }
        for (String type : Hostile.CONTENT_TYPES) {
            Map<String, String> h = new LinkedHashMap<>(jsonHeaders);
            h.put("Content-Type", type);
            add(probe(bodyFamily, admin, method, url.apply(baseQuery), h, fresh(baseBody), writes, creates));
            add(probe(bodyFamily, reporter, method, url.apply(baseQuery), h, fresh(baseBody), writes, creates));
        }
        add(probe(bodyFamily, admin, method, url.apply(baseQuery), Map.of("Accept", "application/json"), fresh(baseBody),
                writes, creates));
        add(probe(bodyFamily, admin, method, url.apply(baseQuery), jsonHeaders, null, writes, creates));
    }

    /** Between two instants, the other end follows a hostile one: a span of a billion years is a test of its own. */
    private static void pairInstants(String template, String name, String raw, Map<String, String> q) {
        if (template.endsWith("/sla/between") && (name.equals("start") || name.equals("end"))) {
            q.put(name.equals("start") ? "end" : "start", raw.contains("&") ? raw.substring(0, raw.indexOf('&')) : raw);
        }
    }

    private static List<String> typed(JsonNode schema) {
        List<String> v = new ArrayList<>();
        if (schema == null) {
            return v;
        }
        if (schema.has("enum")) {
            String first = schema.get("enum").get(0).asString();
            v.add(first.toLowerCase());
            v.add(first + " ");
            v.add(first + "\u0000");
        }
        if ("date-time".equals(text(schema, "format"))) {
            v.addAll(List.of("2027-10-22T17:37:00Z", "2027-10-22T17:37:00", "2027-10-22", "1969-12-31T23:59:59Z",
                    "2200-01-01T00:00:01Z", "3000-01-01T00:00:00Z", "+20000-01-01T00:00:00Z", "2027-10-22T17:37:00+99:00",
                    "2027-10-31T02:30:00+02:00", "2027-10-22T17:37:00.123456789123Z"));
        }
        if ("integer".equals(text(schema, "type"))) {
            v.addAll(List.of("-9223372036854775808", "9223372036854775808", "2147483648", "1", "200", "201", "500",
                    "501", "52704000", "52704001", "0x10", "1_000"));
        }
        return v;
    }

    private String pathBase(String name) {
        return switch (name) {
            case "number" -> Long.toString(ticket);
            case "username" -> victim;
            default -> "999999999";
        };
    }

    private static String queryBase(String template, Param p) {
        if (p.schema() != null && p.schema().has("enum")) {
            return p.schema().get("enum").get(0).asString();
        }
        if (p.schema() != null && "date-time".equals(text(p.schema(), "format"))) {
            return p.name().equals("end") ? "2027-10-29T09:00:00Z" : "2027-10-22T09:00:00Z";
        }
        return switch (p.name()) {
            case "status" -> "at_risk";
            case "clock" -> "resolution";
            case "businessMinutes", "limit" -> "60";
            case "lang" -> "fr";
            case "target" -> "abcdef1";
            case "after" -> "5";
            default -> "x";
        };
    }

    private static String query(Map<String, String> q) {
        if (q.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder("?");
        q.forEach((k, v) -> b.append(b.length() > 1 ? "&" : "").append(k).append('=').append(v));
        return b.toString();
    }

    /** A valid-looking body for an operation; unique names where the operation creates something named. */
    private String baseBody(String template, JsonNode schema) {
        return switch (template) {
            case "/api/v1/tickets" -> "{\"title\":\"Hostile campaign\",\"description\":\"text\",\"type\":\"CORRECTIVE\","
                    + "\"priority\":\"P3\",\"labels\":[\"bug\"]}";
            case "/api/v1/tickets/{number}" -> "{\"version\":" + VERSION + ",\"title\":\"Hostile target\"}";
            case "/api/v1/tickets/{number}/transitions" -> "{\"to\":\"TRIAGED\"}";
            case "/api/v1/tickets/{number}/links" -> "{\"kind\":\"COMMIT\",\"target\":\"abcdef1\"}";
            case "/api/v1/tickets/{number}/comments" -> "{\"body\":\"a comment\"}";
            case "/api/v1/tickets/{number}/postmortem" -> "{\"sections\":{\"" + (sectionKeys.isEmpty() ? "k"
                    : sectionKeys.getFirst()) + "\":\"what happened\"}}";
            case "/api/v1/users" -> "{\"username\":\"__USER__\",\"role\":\"REPORTER\",\"password\":\"campaign-password-0\"}";
            case "/api/v1/users/{username}" -> "{\"displayName\":\"Victim\"}";
            case "/api/v1/me" -> "{\"displayName\":\"Hostile\"}";
            case "/api/v1/me/password" -> "{\"currentPassword\":\"not-the-password-0\",\"newPassword\":\"new-password-0123\"}";
            case "/api/v1/me/tokens" -> "{\"name\":\"campaign token\"}";
            case "/api/v1/deprecations" -> "{\"key\":\"__KEY__\",\"description\":\"old thing\",\"announcedIn\":\"1.4.0\"}";
            case "/api/v1/releases/notes" -> "{\"commits\":[{\"hash\":\"abcdef0\",\"message\":\"fix: a\"}]}";
            case "/api/v1/commits/lint" -> "{\"message\":\"fix: a\"}";
            default -> "{}";
        };
    }

    /** Unique names for bodies that create a named thing. */
    private String fresh(String body) {
        if (body == null) {
            return null;
        }
        return body.replace("__USER__", nextName("u")).replace("__KEY__", nextName("key."));
    }

    /** The base body with one field set to a raw JSON value ({@code nested}: "{}" for the whole map, "[0].x" inside). */
    private String withField(String baseBody, String field, String nested, String value, String template) {
        Map<String, String> parts = new LinkedHashMap<>();
        JsonNode base = JSON.readTree(fresh(baseBody).replace(VERSION, "0"));
        for (var e : base.properties()) {
            parts.put(e.getKey(), e.getKey().equals("version") && template.equals("/api/v1/tickets/{number}") ? VERSION
                    : JSON.writeValueAsString(e.getValue()));
        }
        if (nested == null || nested.equals("{}")) {
            parts.put(field, value);
        } else {
            String inner = nested.substring(4);
            JsonNode first = base.has(field) && base.get(field).size() > 0 ? base.get(field).get(0) : null;
            StringBuilder element = new StringBuilder("{");
            if (first != null) {
                for (var e : first.properties()) {
                    if (!e.getKey().equals(inner)) {
                        element.append(Hostile.json(e.getKey())).append(':').append(JSON.writeValueAsString(e.getValue())).append(',');
                    }
                }
            }
            element.append(Hostile.json(inner)).append(':').append(value).append('}');
            parts.put(field, "[" + element + "]");
        }
        StringBuilder b = new StringBuilder("{");
        parts.forEach((k, v) -> b.append(b.length() > 1 ? "," : "").append(Hostile.json(k)).append(':').append(v));
        return b.append('}').toString();
    }

    private Probe probe(String family, HostileHttp who, String method, String path, Map<String, String> headers,
            String body, boolean writes, boolean create) {
        return new Probe(family, role(who), method, path, headers, body, writes, false, false, create, false,
                body != null && body.contains(VERSION) ? ticketOf(path) : 0);
    }

    private static long ticketOf(String path) {
        Matcher m = Pattern.compile("/tickets/(\\d{1,18})(/|$|\\?)").matcher(path);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    private static Probe withStoredHostileText(Probe p) {
        return new Probe(p.family(), p.role(), p.method(), p.path(), p.headers(), p.body(), p.writes(), p.form(),
                p.mustReject(), p.create(), true, p.versionOf());
    }

    private Probe asRole(Probe p, HostileHttp who) {
        return new Probe(p.family(), role(who), p.method(), p.path(), p.headers(), p.body(), p.writes(), p.form(),
                p.mustReject(), p.create(), p.storedHostileText(), p.versionOf());
    }

    private String role(HostileHttp who) {
        if (who == admin) {
            return "ADMIN";
        }
        if (who == reporter) {
            return "REPORTER";
        }
        if (who == adminBrowser) {
            return "ADMIN(browser)";
        }
        if (who == reporterBrowser) {
            return "REPORTER(browser)";
        }
        return "ANONYMOUS";
    }

    private HostileHttp who(String role) {
        return switch (role) {
            case "ADMIN" -> admin;
            case "REPORTER" -> reporter;
            case "ADMIN(browser)" -> adminBrowser;
            case "REPORTER(browser)" -> reporterBrowser;
            default -> anonymous;
        };
    }

    private JsonNode resolve(JsonNode schema) {
        if (schema != null && schema.has("$ref")) {
            String name = schema.get("$ref").asString().replace("#/components/schemas/", "");
            return spec.get("components").get("schemas").get(name);
        }
        return schema;
    }

    private static String text(JsonNode node, String field) {
        return node != null && node.has(field) ? node.get(field).asString() : null;
    }

    // ---------------------------------------------------------------- web forms

    /** A form field: its name, a valid value, and the column length it must fit in (0: none known). */
    private record Field(String name, String value, int max) {}

    private void webForms() {
        String t = "/tickets/" + ticket;
        form("/tickets/new", "/tickets/new", true, List.of(new Field("template", "plain", 0), new Field("title", "Form ticket", 200),
                new Field("description", "from the form", 65_536), new Field("type", "CORRECTIVE", 0),
                new Field("priority", "P3", 0), new Field("labels", "bug", 50), new Field("assignee", "", 64)));
        form("/tickets/{n} (edit)", t, false, List.of(new Field("version", "__VERSION__", 0),
                new Field("title", "Hostile target", 200), new Field("description", "edited", 65_536),
                new Field("type", "CORRECTIVE", 0), new Field("priority", "P1", 0), new Field("labels", "security", 50),
                new Field("assignee", "", 64), new Field("team", "", 64), new Field("testEvidence", "tested", 4000),
                new Field("releaseNote", "noted", 500), new Field("apiImpact", "true", 0)));
        form("/tickets/{n}/transitions", "/tickets/" + mover + "/transitions", false,
                List.of(new Field("to", "WAITING", 0), new Field("reason", "waiting for the customer", 1000)));
        form("/tickets/{n}/links", t + "/links", false, List.of(new Field("kind", "COMMIT", 0),
                new Field("target", "abcdef2", 500), new Field("merged", "false", 0)));
        form("/tickets/{n}/links/remove", t + "/links/remove", false, List.of(new Field("kind", "COMMIT", 0),
                new Field("target", "abcdef9", 500)));
        form("/tickets/{n}/comments", t + "/comments", false, List.of(new Field("body", "a form comment", 65_536)));
        form("/tickets/{n}/comments (reporter's own)", "/tickets/" + reportersTicket + "/comments", false,
                List.of(new Field("body", "a reporter comment", 65_536)), reporterBrowser);
        List<Field> sections = new ArrayList<>();
        sectionKeys.forEach(k -> sections.add(new Field("section." + k, "what happened", 20_000)));
        form("/tickets/{n}/postmortem", t + "/postmortem", false, sections);
        form("/profile", "/profile", false, List.of(new Field("displayName", "Hostile admin", 100),
                new Field("email", "hostile@example.test", 254), new Field("language", "fr", 8),
                new Field("timeZone", "Europe/Paris", 64)));
        form("/profile/tokens", "/profile/tokens", false, List.of(new Field("name", "form token", 100)));
        form("/admin/users", "/admin/users", false, List.of(new Field("username", "__USER__", 39),
                new Field("displayName", "Form user", 100), new Field("email", "form@example.test", 254),
                new Field("role", "REPORTER", 0), new Field("password", "campaign-password-1", 0)));
        form("/admin/users/{u}/role", "/admin/users/" + victim + "/role", false, List.of(new Field("role", "REPORTER", 0)));
        form("/admin/users/{u}/enabled", "/admin/users/" + victim + "/enabled", false, List.of(new Field("enabled", "true", 0)));
        form("/board/{n}/move", "/board/" + mover + "/move", false, List.of(new Field("to", "IN_PROGRESS", 0)));
        for (String path : List.of("/tickets/%s", "/tickets/%s/transitions", "/tickets/%s/links", "/tickets/%s/comments",
                "/tickets/%s/postmortem", "/board/%s/move", "/profile/tokens/%s/revoke", "/admin/users/%s/role")) {
            for (String v : Hostile.PATH_VALUES) {
                add(formProbe("POST " + path.replace("%s", "{x}"), adminBrowser, path.formatted(v),
                        "_csrf=__CSRF__&to=TRIAGED&role=REPORTER&version=0&body=x",
                        false, false));
            }
        }
    }

    private void form(String name, String path, boolean create, List<Field> fields) {
        form(name, path, create, fields, adminBrowser);
        if (!name.contains("reporter's own")) {
            // Authorization: a reporter sends the same form, plain and with each field over its column.
            add(formProbe("POST " + name, reporterBrowser, path, encode(fields, null, null), false, create));
            for (Field f : fields) {
                if (f.max() > 0) {
                    add(formProbe("POST " + name, reporterBrowser, path, encode(fields, f.name(),
                            Hostile.url("r".repeat(f.max() + 1))), true, create));
                }
            }
        }
    }

    private void form(String name, String path, boolean create, List<Field> fields, HostileHttp who) {
        String family = "POST " + name;
        add(formProbe(family, who, path, encode(fields, null, null), false, create));
        for (Field f : fields) {
            Function<String, Probe> slot = raw -> formProbe(family + " ." + f.name(), who, path,
                    encode(fields, f.name(), raw), mustReject(f, raw), create);
            if (f.max() > 0) {
                add(slot.apply(Hostile.url("o".repeat(f.max() + 1))));
                add(slot.apply(Hostile.url("é".repeat(f.max() + 1))));
                add(slot.apply(Hostile.url("o".repeat(f.max()))));
            }
            for (String v : List.of(Hostile.NUL, "\u0000", Hostile.LONE, "\udfffx", "", "   ", "abc", "-1",
                    "99999999999999999999", "x".repeat(10_000), "\u0007", "\u202egnp.exe", "<script>alert(1)</script>",
                    "a\r\nb", "\uD83D\uDE00")) {
                add(slot.apply(Hostile.url(v)));
            }
            add(slot.apply("%zz"));
            add(slot.apply(Hostile.url(f.value()) + "&" + f.name() + "=" + Hostile.url("other")));
            add(formProbe(family + " ." + f.name(), who, path, encode(fields, f.name(), null), false, create));
            slots.add(new Slot(family + " ." + f.name(), v -> slot.apply(Hostile.url(v)), false));
        }
        // Without CSRF, with the wrong content type, with bytes that are no UTF-8.
        String good = encode(fields, null, null);
        add(new Probe(family, role(who), "POST", path, Map.of("Content-Type", "application/x-www-form-urlencoded",
                "Accept", "text/html"), good.replaceFirst("^_csrf=__CSRF__&?", ""), true, true, false, create, false, 0));
        for (String type : List.of("multipart/form-data", "*/*", "text/plain", "application/json")) {
            add(new Probe(family, role(who), "POST", path + "?_csrf=__CSRF__", Map.of("Content-Type", type,
                    "Accept", "text/html"), good.replace("_csrf=__CSRF__", ""), true, true, false, create, false,
                    good.contains("__VERSION__") ? ticketOf(path) : 0));
        }
        add(formProbe(family, who, path, good + "&" + Hostile.url("\u0000") + "=1", false, create));
        add(formProbe(family, who, path, good + "&x=%C3%28%FF%FE", false, create));
    }

    /** Over its column (or the API's limit), or a NUL in a text: such a value must be refused, whatever the form. */
    private static boolean mustReject(Field f, String raw) {
        if (raw.contains("%00") && f.max() > 0) {
            return true;
        }
        if (f.max() > 0 && !raw.contains("&")) {
            String decoded = java.net.URLDecoder.decode(raw.replace("%ED%A0%80", "").replace("%zz", ""), StandardCharsets.UTF_8);
            return decoded.length() > f.max();
        }
        return false;
    }

    private String encode(List<Field> fields, String replaced, String raw) {
        StringBuilder b = new StringBuilder("_csrf=__CSRF__");
        for (Field f : fields) {
            String v = f.name().equals(replaced) ? raw : Hostile.url(f.value()).replace("__USER__", nextName("f"));
            if (v != null) {
                b.append('&').append(f.name()).append('=').append(v.replace("__USER__", nextName("f")));
            }
        }
        return b.toString();
    }

    private Probe formProbe(String family, HostileHttp who, String path, String body, boolean mustReject, boolean create) {
        return new Probe(family, role(who), "POST", path, Map.of("Content-Type", "application/x-www-form-urlencoded",
                "Accept", "text/html"), body, true, true, mustReject, create, false,
                body.contains("__VERSION__") ? ticketOf(path) : 0);
    }

    // ---------------------------------------------------------------- web pages (GET)

    private void webPages() {
        List<String> names = List.of("state", "priority", "type", "label", "assignee", "team", "text", "order", "after");
        for (String name : names) {
            String family = "GET /tickets ?" + name;
            Function<String, Probe> slot = raw -> new Probe(family, "ADMIN(browser)", "GET", "/tickets?" + name + "=" + raw
                    + (name.equals("after") ? "&order=due" : ""), Map.of("Accept", "text/html"), null, false, false, false,
                    false, false, 0);
            Hostile.TEXTS.forEach(v -> add(slot.apply(Hostile.url(v))));
            add(slot.apply("a&" + name + "=b"));
            slots.add(new Slot(family, v -> slot.apply(Hostile.url(v)), false));
        }
        for (String after : List.of("9223372036854775807_1", "1_9223372036854775807", "-9223372036854775808_-1", "5")) {
            for (String order : List.of("due", "newest")) {
                add(new Probe("GET /tickets ?after&order", "ADMIN(browser)", "GET", "/tickets?order=" + order + "&after=" + Hostile.url(after),
                        Map.of("Accept", "text/html"), null, false, false, false, false, false, 0));
            }
        }
        for (String path : List.of("/", "/board", "/plan", "/releases", "/profile", "/admin/users", "/admin/teams",
                "/tickets/new", "/tickets/new?template=" + Hostile.url(Hostile.NUL), "/tickets/new?template=nope",
                "/tickets/" + ticket, "/tickets/" + ticket + "/sla", "/error", "/login?error", "/nothing-here",
                "/tickets/%00", "/plan?lang=" + Hostile.url(Hostile.LONE), "/?lang=" + Hostile.url(Hostile.NUL))) {
            for (HostileHttp who : List.of(adminBrowser, reporterBrowser, anonymous)) {
                for (String accept : List.of("text/html", "application/json", "*/*")) {
                    add(new Probe("GET " + path.replaceAll("\\?.*", ""), role(who), "GET", path, Map.of("Accept", accept),
                            null, false, false, false, false, false, 0));
                }
            }
        }
        for (String v : Hostile.PATH_VALUES) {
            for (String sub : List.of("", "/sla")) {
                add(new Probe("GET /tickets/{x}" + sub, "ADMIN(browser)", "GET", "/tickets/" + v + sub,
                        Map.of("Accept", "text/html"), null, false, false, false, false, false, 0));
            }
        }
    }

    // ------------------------------------------------------------------- running

    /** Sends the requests in order and checks each answer; stops early only at the time bound. */
    Report run(List<Probe> probes, long maxMillis) {
        long start = System.currentTimeMillis();
        List<Failure> failures = new ArrayList<>();
        List<String> refusedCreates = new ArrayList<>();
        DbSnapshot last = DbSnapshot.take(jdbc);
        int sent = 0;
        int fiveXx = 0;
        boolean incomplete = false;
        boolean gapExplained = false;
        long httpNanos = 0;
        List<Map.Entry<Long, String>> slowest = new ArrayList<>();
        long dbNanos = 0;
        for (Probe p : probes) {
            if (System.currentTimeMillis() - start > maxMillis) {
                incomplete = true;
                failures.add(new Failure("incomplete", "campaign", "time bound of " + maxMillis / 1000 + " s reached after "
                        + sent + " of " + probes.size() + " requests"));
                break;
            }
            HostileHttp who = who(p.role());
            String path = p.path();
            String body = p.body();
            if (who == adminBrowser || who == reporterBrowser) {
                path = path.replace("__CSRF__", HostileHttp.enc(who.csrf()));
                body = body == null ? null : body.replace("__CSRF__", HostileHttp.enc(who.csrf()));
            }
            if (body != null && body.contains("__VERSION__")) {
                // The ticket's current version, so that an edit is refused for its hostile value, not as stale.
                long n = ticketOf(path) > 0 ? ticketOf(path) : ticket;
                long version = jdbc.sql("SELECT version FROM tickets WHERE number = ?").param(n)
                        .query(Long.class).optional().orElse(0L);
                body = body.replace(VERSION, Long.toString(version)).replace("__VERSION__", Long.toString(version));
            }
            long t0 = System.nanoTime();
            HostileHttp.Answer a = who.send(p.method(), path, p.headers(), body == null ? null : body.getBytes(StandardCharsets.UTF_8));
            long took = System.nanoTime() - t0;
            httpNanos += took;
            slowest.add(Map.entry(took / 1_000_000, p.shown()));
            if (slowest.size() > 50) {
                slowest.sort(Map.Entry.<Long, String>comparingByKey().reversed());
                slowest.subList(10, slowest.size()).clear();
            }
            sent++;
            if (sent % 1000 == 0) {
                System.out.printf("hostile campaign: %d of %d requests, %d failures so far%n", sent, probes.size(),
                        failures.size());
            }
            // Shown as sent, but for the session's CSRF token.
            String sentBody = body == null || !(who == adminBrowser || who == reporterBrowser) ? body
                    : body.replace(HostileHttp.enc(who.csrf()), "__CSRF__");
            String request = (sentBody == null || sentBody.equals(p.body()) ? p : new Probe(p.family(), p.role(), p.method(),
                    p.path(), p.headers(), sentBody, p.writes(), p.form(), p.mustReject(), p.create(), p.storedHostileText(),
                    0)).shown();
            if (a.status() >= 500) {
                fiveXx++;
                failures.add(new Failure("5xx", request, a.toString()));
            } else if (a.status() < 0) {
                failures.add(new Failure("no answer", request, a.body()));
            }
            String leak = Hostile.leak(a.body());
            if (leak != null) {
                failures.add(new Failure("Java internals in the body", request, a.status() + " " + leak));
            }
            if (!p.writes()) {
                continue;
            }
            long t1 = System.nanoTime();
            DbSnapshot now = DbSnapshot.take(jdbc);
            dbNanos += System.nanoTime() - t1;
            boolean refused = a.status() >= 400 || a.status() < 0 || (p.form() && a.status() == 200) || p.mustReject();
            var changed = now.changedSince(last);
            if (refused && !changed.isEmpty()) {
                String kind = p.mustReject() && a.status() < 400 ? "value over its limit or NUL accepted by a form"
                        : a.status() == 406 ? "rows written, then answered 406 (Accept checked after the write)"
                        : "rows changed by a refused request";
                failures.add(new Failure(kind, request, a.status() + ", changed: " + changed));
            }
            if (p.storedHostileText() && a.status() >= 200 && a.status() < 300) {
                failures.add(new Failure("NUL or lone surrogate accepted", request, a.toString()));
            }
            if (p.create()) {
                long created = createdNumber(p, a);
                if (created > 0) {
                    if (created != last.maxTicketNumber() + 1 && !gapExplained) {
                        failures.add(new Failure("ticket number gap", request, "created #" + created + " after #"
                                + last.maxTicketNumber() + "; refused creates since the last accepted one: "
                                + refusedCreates.size() + (refusedCreates.isEmpty() ? "" : ", e.g. " + refusedCreates.getFirst())));
                    }
                    refusedCreates.clear();
                    gapExplained = false;
                } else {
                    refusedCreates.add(request.length() > 200 ? request.substring(0, 200) + "…" : request);
                    if (last.ticketSequence() >= 0 && now.ticketSequence() != last.ticketSequence()) {
                        gapExplained = true;
                        failures.add(new Failure("refused create consumed a ticket number", request, a
                                + " (ticket_number_seq " + last.ticketSequence() + " → " + now.ticketSequence() + ")"));
                    }
                }
            }
            last = now;
        }
        if (!incomplete) {
            // A last valid create: refused creates at the end of the run must not have consumed numbers either.
            DbSnapshot before = DbSnapshot.take(jdbc);
            long created = create(admin, "{\"title\":\"Hostile campaign: number check\"}");
            if (created != before.maxTicketNumber() + 1 && !gapExplained) {
                failures.add(new Failure("ticket number gap", "ADMIN POST /api/v1/tickets (final check)", "created #"
                        + created + " after #" + before.maxTicketNumber() + "; refused creates since the last accepted one: "
                        + refusedCreates.size() + (refusedCreates.isEmpty() ? "" : ", e.g. " + refusedCreates.getFirst())));
            }
        }
        System.out.printf("hostile campaign: %d ms waiting for answers, %d ms taking snapshots%n", httpNanos / 1_000_000,
                dbNanos / 1_000_000);
        slowest.sort(Map.Entry.<Long, String>comparingByKey().reversed());
        slowest.stream().limit(10).forEach(e -> System.out.println("  slow: " + e.getKey() + " ms " + Hostile.shown(e.getValue(), 160)));
        return new Report(sent, fiveXx, failures, System.currentTimeMillis() - start, incomplete);
    }

    private static long createdNumber(Probe p, HostileHttp.Answer a) {
        if (!p.form() && a.status() == 201) {
            return JSON.readTree(a.body()).get("number").asLong();
        }
        if (p.form() && a.status() == 302) {
            Matcher m = CREATED_PAGE.matcher(a.header("Location"));
            return m.find() ? Long.parseLong(m.group(1)) : 0;
        }
        return 0;
    }

    /** Runs a campaign of {@code requests} requests (seeded), at most {@code maxMillis} long. */
    static Report run(int port, JdbcClient jdbc, int requests, long maxMillis) {
        HostileCampaign campaign = new HostileCampaign(port, jdbc, "h" + Long.toString(SEED % 100000, 36)
                + Long.toString(System.nanoTime() % 1_000_000, 36));
        campaign.prepare();
        return campaign.run(campaign.generate(requests), maxMillis);
    }

}
