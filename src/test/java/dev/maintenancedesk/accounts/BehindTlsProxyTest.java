package dev.maintenancedesk.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maintenancedesk.DeskTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Behind a reverse proxy that terminates TLS (README: {@code server.forward-headers-strategy=native}), the desk
 * sends HSTS and marks its session cookie {@code Secure}; over plain HTTP it does neither (HSTS on HTTP is
 * meaningless, and a Secure cookie would never come back).
 */
@DeskTest
@TestPropertySource(properties = "server.forward-headers-strategy=native")
class BehindTlsProxyTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private HttpResponse<String> login(boolean https) throws Exception {
        HttpRequest.Builder page = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                .timeout(Duration.ofSeconds(10));
        if (https) {
            page.header("X-Forwarded-Proto", "https");
        }
        HttpResponse<String> form = http.send(page.build(), HttpResponse.BodyHandlers.ofString());
        Matcher csrf = CSRF.matcher(form.body());
        assertThat(csrf.find()).isTrue();
        String cookie = form.headers().allValues("Set-Cookie").stream().map(c -> c.split(";")[0])
                .reduce((a, b) -> a + "; " + b).orElse("");
        HttpRequest.Builder post = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", cookie)
                .POST(HttpRequest.BodyPublishers.ofString("username=admin&password=" + DeskTest.ADMIN_PASSWORD
                        + "&_csrf=" + java.net.URLEncoder.encode(csrf.group(1), java.nio.charset.StandardCharsets.UTF_8)));
        if (https) {
            post.header("X-Forwarded-Proto", "https");
        }
        return http.send(post.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void overHttpsThroughTheProxyTheCookieIsSecureAndHstsIsSent() throws Exception {
        HttpResponse<String> answer = login(true);
        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).startsWith("https://"));
        assertThat(answer.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(
                v -> assertThat(v).contains("max-age="));
        List<String> cookies = answer.headers().allValues("Set-Cookie");
        assertThat(cookies).anySatisfy(c -> assertThat(c).startsWith("SESSION=").containsIgnoringCase("; Secure")
                .containsIgnoringCase("HttpOnly"));
    }

    @Test
    void overPlainHttpNeither() throws Exception {
        HttpResponse<String> answer = login(false);
        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Strict-Transport-Security")).isEmpty();
        assertThat(answer.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("SESSION=")
                .doesNotContainIgnoringCase("secure"));
    }
}
