package dev.maintenancedesk.github;

import dev.maintenancedesk.problem.FieldError;
import dev.maintenancedesk.problem.InvalidInput;
import dev.maintenancedesk.problem.NotFound;
import dev.maintenancedesk.problem.TextRules;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * Webhook deliveries: stored first (a redelivery with the same id changes nothing), then handed to the
 * {@link DeliveryWorker}, which applies them asynchronously with retries. The admin page lists them and
 * replays one.
 */
@Service
public class Deliveries {

    /** GitHub's own cap on a webhook payload. */
    public static final long MAX_BYTES = 25L * 1024 * 1024;
    private static final Pattern NAME = Pattern.compile("[a-z_]{1,100}");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9-]{1,100}");

    private final DeliveryStore store;
    private final DeliveryWorker worker;
    private final Clock clock;

    Deliveries(DeliveryStore store, DeliveryWorker worker, Clock clock) {
        this.store = store;
        this.worker = worker;
        this.clock = clock;
    }

    /** What became of a received delivery: stored now, or already stored (a redelivery). */
    public record Receipt(String id, boolean stored) {}

    /**
     * Checks the delivery headers and the body against its event, stores it and wakes the worker.
     * The signature is the caller's to check first.
     */
    public Receipt receive(String id, String event, byte[] body) {
        if (id == null || !ID.matcher(id.strip()).matches()) {
            throw InvalidInput.of(FieldError.of("X-GitHub-Delivery", "delivery-id",
                    "must be the delivery's id (letters, digits and '-', at most 100)"));
        }
        if (event == null || !NAME.matcher(event.strip()).matches()) {
            throw InvalidInput.of(FieldError.of("X-GitHub-Event", "event-name",
                    "must be an event name (lower case letters and '_', at most 100)"));
        }
        JsonNode payload = Payloads.parse(body);
        Payloads.check(event.strip(), payload);
        String action = Payloads.string(payload, "action");
        if (action != null) {
            action = TextRules.problem("action", action, 100) == null ? action : null;
        }
        boolean stored = store.insert(id.strip(), event.strip(), action, new String(body, StandardCharsets.UTF_8),
                clock.instant());
        if (stored) {
            worker.wake();
        }
        return new Receipt(id.strip(), stored);
    }

    public List<Delivery> latest(Delivery.Status status, int limit) {
        return store.latest(status, Math.max(1, Math.min(limit, 500)));
    }

    public long count(Delivery.Status status) {
        return store.count(status);
    }

    public Delivery get(String id) {
        return store.find(id).orElseThrow(() -> notFound(id));
    }

    /** Applies a stored delivery again (after a fix, or to re-sync): back in the queue with fresh attempts. */
    public void replay(String id) {
        if (!store.requeue(id, clock.instant())) {
            throw notFound(id);
        }
        worker.wake();
    }

    private static NotFound notFound(String id) {
        return new NotFound("github-delivery-not-found", "There is no stored GitHub delivery " + id + ".", id);
    }
}
