package dev.maintenancedesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maintenancedesk.DeskClient;
import dev.maintenancedesk.DeskTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One error format: the API answers problem+json whose 400s name the field and list {@code errors} with
 * a code, never a Java class name; a browser gets an HTML page in its language saying what is wrong.
 */
@DeskTest
class ErrorAnswersTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    private HttpResponse<String> raw(String method, String path, String contentType, String body, String accept) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + DeskTest.ADMIN_TOKEN)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (accept != null) {
            request.header("Accept", accept);
        }
        try {
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode problem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(response.body()).doesNotContain("Exception", "java.", "[L", "\tat ");
        JsonNode json = JSON.readTree(response.body());
        assertThat(json.get("status").asInt()).isEqualTo(status);
        assertThat(json.get("type")).as(response.body()).isNotNull();
        assertThat(json.get("type").asString()).startsWith("/problems/");
        return json;
    }

    private static void namesTheField(JsonNode problem, String field) {
        assertThat(problem.get("field").asString()).isEqualTo(field);
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo(field);
        assertThat(problem.get("errors").get(0).get("code").asString()).isNotBlank();
        assertThat(problem.get("errors").get(0).get("message").asString()).isNotBlank();
    }

    @Test
    void aRepeatedQueryParameterAsksForOneValue() {
        // (state may be repeated: several states at once; priority may not)
        JsonNode problem = problem(raw("GET", "/api/v1/tickets?priority=P1&priority=P2", null, null, null), 400);
        namesTheField(problem, "priority");
        assertThat(problem.get("errors").get(0).get("code").asString()).isEqualTo("one-value");
        assertThat(problem.get("detail").asString()).contains("priority: give one value");
    }

    @Test
    void everyBadRequestListsCodedErrors() {
        JsonNode unknown = problem(raw("POST", "/api/v1/tickets", "application/json", "{\"title\":\"x\",\"severity\":1}", null), 400);
        namesTheField(unknown, "severity");
        assertThat(unknown.get("errors").get(0).get("code").asString()).isEqualTo("unknown-field");

        JsonNode notANumber = problem(raw("GET", "/api/v1/tickets/abc", null, null, null), 400);
        namesTheField(notANumber, "number");

        JsonNode malformed = problem(raw("POST", "/api/v1/tickets", "application/json", "{\"title\":", null), 400);
        assertThat(malformed.get("errors").get(0).get("code").asString()).isEqualTo("malformed-json");
    }

    @Test
    void unsupportedMediaTypesAre415() {
        assertThat(raw("POST", "/api/v1/tickets", "*/*", "{\"title\":\"x\"}", null).statusCode()).isEqualTo(415);
        problem(raw("POST", "/api/v1/tickets", "multipart/form-data", "--x\r\n", null), 415);
        problem(raw("POST", "/api/v1/tickets", "text/plain", "title", null), 415);
    }

    @Test
    void aMalformedMultipartBodyIsRefusedWithoutA5xx() {
        HttpResponse<String> response = raw("POST", "/api/v1/tickets", "multipart/form-data; boundary=xyz",
                "--xyz\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nunterminated", null);
        assertThat(response.statusCode()).as(response.body()).isIn(400, 415);
        assertThat(response.body()).doesNotContain("Exception", "java.");
    }

    @Test
    void theErrorPathCalledDirectlyIs404() {
        problem(raw("GET", "/error", null, null, "application/json"), 404);
        HttpResponse<String> page = raw("GET", "/error", null, null, "text/html");
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    }

    @Test
    void aBrowserGetsAFrenchPageSayingWhatIsWrong() {
        DeskClient browser = DeskClient.browserLogin(port, "admin", DeskTest.ADMIN_PASSWORD);

        DeskClient.Response notANumber = browser.get("/tickets/abc");
        assertThat(notANumber.status()).isEqualTo(400);
        assertThat(notANumber.contentType()).startsWith("text/html");
        assertThat(notANumber.body()).contains("number").contains("n’est pas un nombre")
                .doesNotContain("Exception", "java.", "\"status\":");

        DeskClient.Response priority = browser.get("/tickets?priority=P9");
        assertThat(priority.status()).isEqualTo(400);
        assertThat(priority.contentType()).startsWith("text/html");
        assertThat(priority.body()).contains("priority").contains("« P9 » n’est pas une valeur possible")
                .contains("P1, P2, P3, P4").doesNotContain("Exception", "java.");

        DeskClient.Response english = browser.get("/tickets?priority=P9&lang=en");
        assertThat(english.status()).isEqualTo(400);
        assertThat(english.body()).contains("&quot;P9&quot; is not one of P1, P2, P3, P4");
    }

    @Test
    void aNulCharacterInAnyJsonStringIsA400NamingTheField() {
        JsonNode title = problem(raw("POST", "/api/v1/tickets", "application/json", "{\"title\":\"a\\u0000b\"}", null), 400);
        namesTheField(title, "title");
        assertThat(title.get("errors").get(0).get("code").asString()).isEqualTo("nul");

        JsonNode label = problem(raw("POST", "/api/v1/tickets", "application/json",
                "{\"title\":\"x\",\"labels\":[\"ok\",\"b\\u0007\"]}", null), 400);
        namesTheField(label, "labels[1]");
        assertThat(label.get("errors").get(0).get("code").asString()).isEqualTo("control");
    }

    @Test
    void aNullElementOfAnArrayIsA400NamingIt() {
        JsonNode problem = problem(raw("POST", "/api/v1/tickets", "application/json", "{\"title\":\"x\",\"labels\":[null]}", null), 400);
        namesTheField(problem, "labels[0]");
        assertThat(problem.get("errors").get(0).get("code").asString()).isEqualTo("not-null");
    }

    @Test
    void aNulCharacterInAQueryFilterIsA400NamingTheParameter() {
        JsonNode problem = problem(raw("GET", "/api/v1/tickets?text=a%00b", null, null, null), 400);
        namesTheField(problem, "text");

        DeskClient browser = DeskClient.browserLogin(port, "admin", DeskTest.ADMIN_PASSWORD);
        DeskClient.Response page = browser.get("/tickets?text=a%00b");
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).contains("text").contains("ne doit pas contenir le caractère NUL");
    }

    @Test
    void aControlCharacterInAFormFieldIsA400PageNamingIt() {
        DeskClient browser = DeskClient.browserLogin(port, "admin", DeskTest.ADMIN_PASSWORD);
        String csrf = browser.csrfFrom("/profile");
        DeskClient.Response page = browser.form("/profile", "displayName=a%01b&language=fr&timeZone=Europe%2FParis&_csrf=" + csrf);
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).contains("displayName").contains("caractère de contrôle");
    }
}
