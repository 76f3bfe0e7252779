package dev.maintenancedesk.hostile;

import dev.maintenancedesk.DeskClient;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Raw HTTP to the application under test on loopback: any method, an already percent-encoded path and
 * query (so {@code %00} or an invalid UTF-8 sequence reach the server as sent), any headers and body
 * bytes. Acts either with a Bearer token, anonymously, or as a browser session logged in through the
 * login form (like {@link DeskClient#browserLogin}) with its CSRF token. Redirects are never followed.
 */
final class HostileHttp {

    static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final Pattern CSRF = Pattern.compile(
            "name=\"_csrf\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"_csrf\"");

    private final String base;
    private final String token;
    private final HttpClient http;
    private String csrf;

    private HostileHttp(int port, String token, HttpClient http) {
        this.base = "http://127.0.0.1:" + port;
        this.token = token;
        this.http = http;
    }

    static HostileHttp bearer(int port, String token) {
        return new HostileHttp(port, token, client(null));
    }

    static HostileHttp anonymous(int port) {
        return new HostileHttp(port, null, client(null));
    }

    /** A browser session: GET /login for the CSRF token, POST the form, keep the cookie. */
    static HostileHttp browser(int port, String username, String password) {
        HostileHttp browser = new HostileHttp(port, null, client(new CookieManager()));
        String loginCsrf = browser.csrfOf(browser.send("GET", "/login", Map.of("Accept", "text/html"), null));
        Answer login = browser.send("POST", "/login", Map.of("Content-Type", "application/x-www-form-urlencoded",
                "Accept", "text/html"), ("username=" + enc(username) + "&password=" + enc(password) + "&_csrf="
                + enc(loginCsrf)).getBytes(StandardCharsets.UTF_8));
        if (login.status() != 302 || login.header("Location").contains("error")) {
            throw new IllegalStateException("login failed for " + username + ": " + login.status());
        }
        browser.csrf = browser.csrfOf(browser.send("GET", "/profile", Map.of("Accept", "text/html"), null));
        return browser;
    }

    private static HttpClient client(CookieManager cookies) {
        HttpClient.Builder b = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1);
        if (cookies != null) {
            b.cookieHandler(cookies);
        }
        return b.build();
    }

    /** The session's CSRF token (browser sessions only). */
    String csrf() {
        if (csrf == null) {
            throw new IllegalStateException("not a browser session");
        }
        return csrf;
    }

    private String csrfOf(Answer page) {
        Matcher m = CSRF.matcher(page.body());
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token in a page answered " + page.status());
        }
        return m.group(1) != null ? m.group(1) : m.group(2);
    }

    /**
     * Sends one request. {@code rawPath} is used as is (already encoded); {@code body} null sends none.
     * An I/O failure or time-out comes back as status -1 with its description, never as an exception.
     */
    Answer send(String method, String rawPath, Map<String, String> headers, byte[] body) {
        HttpRequest.Builder b;
        try {
            b = HttpRequest.newBuilder(URI.create(base + rawPath)).timeout(TIMEOUT).method(method,
                    body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        } catch (IllegalArgumentException e) {
            return new Answer(-2, "unsendable URI: " + e.getMessage(), Map.of());
        }
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        headers.forEach(b::header);
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(r.statusCode(), r.body(), r.headers().map());
        } catch (HttpTimeoutException e) {
            return new Answer(-1, "no answer within " + TIMEOUT.toSeconds() + " s", Map.of());
        } catch (IOException e) {
            return new Answer(-1, "I/O failure: " + e, Map.of());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** An HTTP answer; status -1 when none came (time-out, reset), -2 when the request could not be built. */
    record Answer(int status, String body, Map<String, List<String>> headers) {

        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst().orElse("");
        }

        String contentType() {
            return header("Content-Type");
        }

        @Override
        public String toString() {
            Matcher title = Pattern.compile("<title>([^<]*)</title>").matcher(body);
            String shown = title.find() ? "HTML \"" + title.group(1).strip() + "\"" : body.replaceAll("\\s+", " ");
            return status + " " + (shown.length() > 300 ? shown.substring(0, 300) + "…" : shown);
        }
    }
}
