package dev.maintenancedesk.github;

import java.util.Set;
import tools.jackson.databind.JsonNode;

/** Applies the deliveries of some events; runs inside the transaction that marks the delivery done. */
interface DeliveryHandler {

    Set<String> events();

    Outcome handle(String event, JsonNode payload);

    /** DONE, or IGNORED with the reason the delivery changed nothing. */
    record Outcome(Delivery.Status status, String note) {
        static Outcome done() {
            return new Outcome(Delivery.Status.DONE, null);
        }

        static Outcome ignored(String why) {
            return new Outcome(Delivery.Status.IGNORED, why);
        }
    }
}
