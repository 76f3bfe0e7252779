package dev.maintenancedesk.faults;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real HTTP to one desk, cookies by hand (a test moves a session cookie from one instance to another). Every
 * request is bounded: an answer that takes longer than {@link #TIMEOUT} fails the test.
 */
final class Web {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String HTML = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"_csrf\"");

    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    Web(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** A session opened through the login form: its cookie header and a CSRF token valid in it. */
    record Session(String cookie, String csrf) {}

    /** Sends a request; {@code headers} alternate name and value. A JSON body unless a Content-Type is given. */
    HttpResponse<String> send(String method, String path, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        boolean typed = false;
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
            typed |= headers[i].equalsIgnoreCase("Content-Type");
        }
        if (body != null && !typed) {
            request.header("Content-Type", "application/json");
        }
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The anonymous session the login page opens (to hold its CSRF token), as a cookie header. */
    String loginPageSession() {
        return cookie(send("GET", "/login", null, "Accept", HTML), "SESSION");
    }

    Session login(String username, String password) {
        HttpResponse<String> page = send("GET", "/login", null, "Accept", HTML);
        String csrf = csrf(page.body());
        HttpResponse<String> login = send("POST", "/login", "username=" + enc(username) + "&password=" + enc(password)
                + "&_csrf=" + enc(csrf), "Content-Type", "application/x-www-form-urlencoded",
                "Cookie", cookie(page, "SESSION"), "Accept", HTML);
        if (login.statusCode() != 302 || login.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException("login failed for " + username + ": " + login.statusCode());
        }
        String cookie = cookie(login, "SESSION");
        return new Session(cookie, csrf(send("GET", "/", null, "Cookie", cookie, "Accept", HTML).body()));
    }

    /** Polls {@code path} until {@code done} holds, at most {@code within}; returns the last answer. */
    HttpResponse<String> await(String path, Predicate<HttpResponse<String>> done, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        HttpResponse<String> last = send("GET", path, null);
        while (!done.test(last) && System.nanoTime() < deadline) {
            Thread.sleep(250);
            last = send("GET", path, null);
        }
        return last;
    }

    static String cookie(HttpResponse<?> response, String name) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "="))
                .map(c -> c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';'))).findFirst()
                .orElseThrow(() -> new IllegalStateException("no " + name + " cookie in the answer to " + response.uri()));
    }

    static String csrf(String html) {
        Matcher m = CSRF.matcher(html);
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token in the page");
        }
        return m.group(1) != null ? m.group(1) : m.group(2);
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
