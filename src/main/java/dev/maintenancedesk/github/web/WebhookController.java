package dev.maintenancedesk.github.web;

import dev.maintenancedesk.github.Deliveries;
import dev.maintenancedesk.github.GitHubWebhooks;
import dev.maintenancedesk.problem.FieldError;
import dev.maintenancedesk.problem.InvalidInput;
import dev.maintenancedesk.problem.Unauthenticated;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.PayloadTooLargeException;

/**
 * {@code POST /webhooks/github}: GitHub's deliveries. Not behind a session or a token: each delivery
 * is signed ({@code X-Hub-Signature-256}), and the signature is checked before anything is read into
 * the desk. The delivery is stored and acknowledged (202); it is applied afterwards.
 */
@RestController
class WebhookController {

    private final Deliveries deliveries;
    private final GitHubWebhooks webhooks;

    WebhookController(Deliveries deliveries, GitHubWebhooks webhooks) {
        this.deliveries = deliveries;
        this.webhooks = webhooks;
    }

    @Operation(summary = "Receive a GitHub webhook delivery (signed with X-Hub-Signature-256)")
    @PostMapping(path = "/webhooks/github")
    ResponseEntity<Map<String, Object>> receive(HttpServletRequest request) throws IOException {
        String event = request.getHeader("X-GitHub-Event");
        String id = request.getHeader("X-GitHub-Delivery");
        if (event == null || event.isBlank()) {
            throw InvalidInput.of(FieldError.of("X-GitHub-Event", "required", "the X-GitHub-Event header is required"));
        }
        if (id == null || id.isBlank()) {
            throw InvalidInput.of(FieldError.of("X-GitHub-Delivery", "required",
                    "the X-GitHub-Delivery header is required"));
        }
        MediaType type = contentType(request.getContentType());
        if (type == null || !MediaType.APPLICATION_JSON.isCompatibleWith(type)) {
            throw InvalidInput.of(FieldError.of("Content-Type", "content-type",
                    "must be application/json (choose it as the webhook's content type on GitHub)"));
        }
        long length = request.getContentLengthLong();
        if (length > Deliveries.MAX_BYTES) {
            throw new TooLarge();
        }
        String signature = request.getHeader("X-Hub-Signature-256");
        if (signature == null || signature.isBlank()) {
            throw new Unauthenticated("webhook-signature-missing",
                    "The X-Hub-Signature-256 header is required (set a secret on the GitHub webhook).");
        }
        byte[] body = read(request.getInputStream());
        if (!webhooks.signedBySecret(body, signature)) {
            throw new Unauthenticated("webhook-signature-invalid",
                    "The X-Hub-Signature-256 header is not the signature of this body with the desk's webhook secret.");
        }
        Deliveries.Receipt receipt = deliveries.receive(id, event, body);
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(Map.of("delivery", receipt.id(), "stored", receipt.stored()));
    }

    /** The body, refused once it passes GitHub's 25 MB cap (whatever Content-Length said). */
    private static byte[] read(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[16384];
        long total = 0;
        for (int n; (n = in.read(buffer)) != -1; ) {
            total += n;
            if (total > Deliveries.MAX_BYTES) {
                throw new TooLarge();
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    /** 413, closing the connection: the rest of the body is not read (nor swallowed) by the server. */
    static final class TooLarge extends PayloadTooLargeException {
        TooLarge() {
            super(null);
            getBody().setDetail("The body is larger than GitHub's 25 MB cap on a webhook payload.");
        }

        @Override
        public HttpHeaders getHeaders() {
            HttpHeaders headers = new HttpHeaders();
            headers.set(HttpHeaders.CONNECTION, "close");
            return headers;
        }
    }

    private static MediaType contentType(String header) {
        try {
            return header == null ? null : MediaType.parseMediaType(header);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
