package dev.maintenancedesk;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Talks to the application under test over real HTTP, as a script or CI job would. */
public final class DeskClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"_csrf\"");

    private final String base;
    private final String token;
    private final HttpClient http;

    private DeskClient(int port, String token, HttpClient http) {
        this.base = "http://127.0.0.1:" + port;
        this.token = token;
        this.http = http;
    }

    /** A client authenticated by a Bearer token (null: anonymous). */
    /** The API token this client sends. */
    public String token() {
        return token;
    }

    public static DeskClient withToken(int port, String token) {
        return new DeskClient(port, token, HttpClient.newHttpClient());
    }

    public static DeskClient admin(int port) {
        return withToken(port, DeskTest.ADMIN_TOKEN);
    }

    /** Creates a user (as admin) and returns a client holding a personal API token of theirs. */
    public static DeskClient newUser(int port, String username, String role) {
        String password = "pw-" + username + "-0123456789";
        Response created = admin(port).post("/api/v1/users", json(
                "{\"username\":%s,\"password\":%s,\"role\":%s,\"displayName\":%s,\"email\":%s}",
                username, password, role, username, username + "@example.test"));
        if (created.status() != 201) {
            throw new IllegalStateException("could not create user " + username + ": " + created);
        }
        // an administrator's token administers; everyone else's does all their role allows with "write"
        return withToken(port, browserLogin(port, username, password).createToken("tests",
                "ADMIN".equals(role) ? "admin" : "write"));
    }

    /** Logs in through the login form, keeping the session cookie, like a browser. */
    public static DeskClient browserLogin(int port, String username, String password) {
        DeskClient browser = new DeskClient(port, null, HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build());
        String csrf = browser.csrfFrom("/login");
        Response login = browser.form("/login", "username=" + enc(username) + "&password=" + enc(password)
                + "&_csrf=" + enc(csrf));
        if (login.status() != 302 || login.header("Location").contains("error")) {
            throw new IllegalStateException("login failed for " + username + ": " + login);
        }
        return browser;
    }

    /** With a browser session: creates a personal API token and returns its secret. */
    public String createToken(String name) {
        return createToken(name, "write");
    }

    /** With a browser session: creates a personal API token of this scope and returns its secret. */
    public String createToken(String name, String scope) {
        String csrf = csrfFrom("/");
        Response r = send(request("/api/v1/me/tokens").header("X-CSRF-TOKEN", csrf)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json("{\"name\":%s,\"scope\":%s}", name, scope))));
        if (r.status() != 201) {
            throw new IllegalStateException("token creation failed: " + r);
        }
        return r.json().get("token").asString();
    }

    public String csrfFrom(String path) {
        Response page = get(path);
        Matcher m = CSRF.matcher(page.body());
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token on " + path + ": " + page);
        }
        return m.group(1) != null ? m.group(1) : m.group(2);
    }

    public Response get(String path) {
        return send(request(path).GET());
    }

    public Response post(String path, String json) {
        return send(request(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Response patch(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
    }

    public Response send(String method, String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)));
    }

    public Response delete(String path) {
        return send(request(path).DELETE());
    }

    public Response form(String path, String body) {
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json, text/html;q=0.9");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.body(), r);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Formats a JSON template, quoting each argument as a JSON value (strings quoted and escaped). */
    public static String json(String template, Object... args) {
        Object[] quoted = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            quoted[i] = JSON.writeValueAsString(args[i]);
        }
        return String.format(template, quoted);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** An HTTP answer. */
    public record Response(int status, String body, HttpResponse<String> raw) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse("");
        }

        public String contentType() {
            return header("Content-Type");
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
