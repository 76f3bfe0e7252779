package dev.maintenancedesk.github;

import java.util.Set;
import tools.jackson.databind.JsonNode;

/** Applies the deliveries of some events; runs inside the transaction that marks the delivery done. */
interface DeliveryHandler {

    Set<String> events();

    Outcome handle(String event, JsonNode payload);

    /** DONE, or IGNORED with the reason the delivery changed nothing (a note code, see {@link #ignored}). */
    record Outcome(Delivery.Status status, String note) {
        static Outcome done() {
            return new Outcome(Delivery.Status.DONE, null);
        }

        /**
         * Stored only, for a reason the admin page words in the reader's language: {@code code} is the
         * key {@code github.note.<code>}, {@code arg} its value (stored as {@code code|arg}).
         */
        static Outcome ignored(String code, Object arg) {
            return new Outcome(Delivery.Status.IGNORED, arg == null ? code : code + "|" + arg);
        }
    }
}
