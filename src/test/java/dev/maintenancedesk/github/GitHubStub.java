package dev.maintenancedesk.github;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A loopback stand-in for GitHub's REST API: answers with the shapes recorded in {@code @octokit/fixtures}
 * (copied under {@code src/test/resources/github/fixtures}), records every request, and checks each one
 * against GitHub's OpenAPI description ({@code @octokit/openapi}, the operations the desk calls, extracted
 * by {@code bench/github/extract-fixtures.mjs}): method and path of a documented operation, required
 * parameters, and the JSON body against the operation's request schema.
 */
public final class GitHubStub implements AutoCloseable {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNode OPERATIONS = resource("/github/openapi/operations.json");
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);

    public record Recorded(String method, String path, String query, Map<String, List<String>> headers, String body) {
        public JsonNode json() {
            return JSON.readTree(body);
        }

        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().getFirst()).findFirst().orElse(null);
        }
    }

    record Reply(int status, Map<String, String> headers, String body) {
        static Reply json(int status, Object body) {
            return new Reply(status, Map.of("Content-Type", "application/json; charset=utf-8"),
                    body instanceof String s ? s : JSON.writeValueAsString(body));
        }
    }

    private record Route(String method, Pattern path, Function<Recorded, Reply> handler) {}

    private final HttpServer server;
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private final List<String> violations = new CopyOnWriteArrayList<>();
    private final List<Route> routes = new CopyOnWriteArrayList<>();
    private final Deque<Route> once = new ConcurrentLinkedDeque<>();

    public GitHubStub() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", this::handle);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answers {@code method} on paths matching {@code pathRegex}. */
    GitHubStub on(String method, String pathRegex, Function<Recorded, Reply> handler) {
        routes.addFirst(new Route(method, Pattern.compile(pathRegex), handler));
        return this;
    }

    /** Answers the next matching request once with {@code reply} (before any route). */
    GitHubStub once(String method, String pathRegex, Reply reply) {
        once.addLast(new Route(method, Pattern.compile(pathRegex), r -> reply));
        return this;
    }

    public List<Recorded> requests() {
        return List.copyOf(requests);
    }

    public List<Recorded> requests(String method, String pathRegex) {
        Pattern p = Pattern.compile(pathRegex);
        return requests.stream().filter(r -> r.method().equals(method) && p.matcher(r.path()).matches()).toList();
    }

    /** Every way a recorded request departs from GitHub's OpenAPI description. */
    public List<String> violations() {
        return List.copyOf(violations);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Recorded request = new Recorded(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                exchange.getRequestURI().getRawQuery(), Map.copyOf(exchange.getRequestHeaders()), body);
        requests.add(request);
        violations.addAll(check(request));
        Reply reply = null;
        for (Route r : once) {
            if (r.method().equals(request.method()) && r.path().matcher(request.path()).matches() && once.remove(r)) {
                reply = r.handler().apply(request);
                break;
            }
        }
        if (reply == null) {
            for (Route r : routes) {
                if (r.method().equals(request.method()) && r.path().matcher(request.path()).matches()
                        && (reply = r.handler().apply(request)) != null) {
                    break;
                }
            }
            if (reply == null) {
                reply = Reply.json(404, Map.of("message", "Not Found"));
            }
        }
        byte[] bytes = reply.body() == null ? new byte[0] : reply.body().getBytes(StandardCharsets.UTF_8);
        reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    /** The request against the OpenAPI operations the desk may call. */
    static List<String> check(Recorded request) {
        List<String> problems = new ArrayList<>();
        String what = request.method() + " " + request.path();
        JsonNode operation = null;
        for (var entry : OPERATIONS.get("paths").properties()) {
            String regex = entry.getKey().replaceAll("\\{[^}]+}", "[^/]+");
            if (Pattern.matches(regex, request.path())) {
                JsonNode op = entry.getValue().get(request.method().toLowerCase(java.util.Locale.ROOT));
                if (op != null) {
                    operation = op;
                    break;
                }
            }
        }
        if (operation == null) {
            problems.add(what + ": no such operation in GitHub's OpenAPI description");
            return problems;
        }
        Map<String, String> query = query(request.query());
        for (JsonNode p : operation.path("parameters")) {
            String in = p.path("in").asString();
            if (p.path("required").asBoolean() && in.equals("query") && !query.containsKey(p.path("name").asString())) {
                problems.add(what + ": required query parameter " + p.path("name").asString() + " missing");
            }
            if (in.equals("query") && query.containsKey(p.path("name").asString()) && p.has("schema")) {
                String value = query.get(p.path("name").asString());
                JsonNode v = p.path("schema").path("type").asString("").equals("integer")
                        ? (value.matches("-?\\d+") ? JSON.getNodeFactory().numberNode(Long.parseLong(value)) : JSON.getNodeFactory().stringNode(value))
                        : JSON.getNodeFactory().stringNode(value);
                SCHEMAS.getSchema(p.path("schema")).validate(v)
                        .forEach(e -> problems.add(what + ": query " + p.path("name").asString() + " " + e.getMessage()));
            }
        }
        JsonNode requestBody = operation.path("requestBody");
        boolean hasBody = request.body() != null && !request.body().isBlank();
        if (requestBody.path("required").asBoolean() && !hasBody) {
            problems.add(what + ": request body required");
        }
        if (hasBody) {
            if (requestBody.isMissingNode()) {
                problems.add(what + ": sends a body the operation does not take");
            } else {
                String type = request.header("Content-Type");
                if (type == null || !type.startsWith("application/json")) {
                    problems.add(what + ": body is not sent as application/json");
                }
                Schema schema = SCHEMAS.getSchema(requestBody.path("schema"));
                schema.validate(JSON.readTree(request.body())).forEach(e -> problems.add(what + ": body " + e.getMessage()));
            }
        }
        if (request.header("Authorization") == null || !request.header("Authorization").startsWith("Bearer ")) {
            problems.add(what + ": no Bearer token");
        }
        if (request.header("Accept") == null || !request.header("Accept").contains("application/vnd.github")) {
            problems.add(what + ": Accept is not application/vnd.github+json");
        }
        return problems;
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> map = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return map;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            map.put(k, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return map;
    }

    /** A recorded GitHub answer of {@code @octokit/fixtures}: scenario file, index of the exchange. */
    static JsonNode fixture(String scenario, int index) {
        return resource("/github/fixtures/" + scenario + ".json").get(index);
    }

    static JsonNode resource(String path) {
        try (InputStream in = GitHubStub.class.getResourceAsStream(path)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The routes of every operation the desk calls, answering with the fixtures' shapes. */
    public GitHubStub withDefaults() {
        JsonNode issue = fixture("add-labels-to-issue", 0).get("response");
        JsonNode status = fixture("create-status", 0).get("response");
        JsonNode release = fixture("release-assets", 0).get("response");
        on("PATCH", "/repos/[^/]+/[^/]+/issues/\\d+", r -> Reply.json(200, issue));
        on("PUT", "/repos/[^/]+/[^/]+/issues/\\d+/labels", r -> Reply.json(200, fixture("add-labels-to-issue", 1).get("response")));
        on("POST", "/repos/[^/]+/[^/]+/issues/\\d+/comments", r -> Reply.json(201, Map.of("id", requests.size(),
                "body", r.json().path("body").asString(), "user", Map.of("login", "desk-bot"))));
        on("GET", "/repos/[^/]+/[^/]+/issues/\\d+/comments", r -> Reply.json(200, List.of()));
        on("GET", "/repos/[^/]+/[^/]+/pulls/\\d+/files", r -> Reply.json(200, List.of()));
        on("GET", "/repos/[^/]+/[^/]+/pulls/\\d+/commits", r -> Reply.json(200, List.of()));
        on("POST", "/repos/[^/]+/[^/]+/statuses/[0-9a-f]+", r -> Reply.json(201, status));
        on("GET", "/repos/[^/]+/[^/]+/releases/tags/.+", r -> Reply.json(404, Map.of("message", "Not Found")));
        on("POST", "/repos/[^/]+/[^/]+/releases", r -> Reply.json(201, release));
        on("PATCH", "/repos/[^/]+/[^/]+/releases/\\d+", r -> Reply.json(200, release));
        return this;
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
