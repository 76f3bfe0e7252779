package dev.maintenancedesk.github;

import dev.maintenancedesk.problem.FieldError;
import dev.maintenancedesk.problem.InvalidInput;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a delivery's body and checks that it has the shape of its event (the fields the desk reads,
 * as GitHub's webhook documentation describes them) before anything is stored: a body that is not JSON
 * or does not match its event is refused with the field at fault, and nothing is applied.
 */
final class Payloads {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private Payloads() {}

    static JsonNode parse(byte[] body) {
        JsonNode node;
        try {
            node = JSON.readTree(body);
        } catch (JacksonException e) {
            throw InvalidInput.of(FieldError.of(null, "invalid-json", "the body is not JSON: "
                    + e.getOriginalMessage()));
        }
        if (node == null || !node.isObject()) {
            throw InvalidInput.of(FieldError.of(null, "not-an-object", "a webhook payload is a JSON object"));
        }
        return node;
    }

    /** Every field of {@code payload} that the desk reads for {@code event} and that is missing or of the wrong type. */
    static void check(String event, JsonNode payload) {
        List<FieldError> errors = new ArrayList<>();
        switch (event) {
            case "issues" -> {
                text(errors, payload, "action");
                issue(errors, payload);
                text(errors, payload, "repository.full_name");
            }
            case "issue_comment" -> {
                text(errors, payload, "action");
                issue(errors, payload);
                number(errors, payload, "comment.id");
                text(errors, payload, "comment.user.login");
                text(errors, payload, "repository.full_name");
            }
            case "pull_request" -> {
                text(errors, payload, "action");
                number(errors, payload, "number");
                text(errors, payload, "pull_request.title");
                text(errors, payload, "pull_request.head.sha");
                text(errors, payload, "repository.full_name");
            }
            case "pull_request_review" -> {
                text(errors, payload, "action");
                number(errors, payload, "pull_request.number");
                text(errors, payload, "repository.full_name");
            }
            case "check_suite", "workflow_run" -> {
                text(errors, payload, "action");
                object(errors, payload, event);
            }
            case "release" -> {
                text(errors, payload, "action");
                text(errors, payload, "release.tag_name");
            }
            case "deployment_status" -> {
                text(errors, payload, "deployment_status.state");
                text(errors, payload, "deployment.environment");
                text(errors, payload, "deployment.sha");
            }
            case "push", "create" -> text(errors, payload, "ref");
            default -> { }
        }
        if (!errors.isEmpty()) {
            throw InvalidInput.of(errors);
        }
    }

    private static void issue(List<FieldError> errors, JsonNode payload) {
        number(errors, payload, "issue.number");
        text(errors, payload, "issue.title");
        text(errors, payload, "issue.state");
        time(errors, payload, "issue.updated_at");
        if (!at(payload, "issue.labels").isArray()) {
            errors.add(FieldError.of("issue.labels", "required", "must be an array"));
        }
    }

    static JsonNode at(JsonNode node, String path) {
        JsonNode n = node;
        for (String part : path.split("\\.")) {
            n = n.path(part);
        }
        return n;
    }

    private static void text(List<FieldError> errors, JsonNode payload, String path) {
        if (!at(payload, path).isString()) {
            errors.add(FieldError.of(path, "required", "must be a string"));
        }
    }

    private static void number(List<FieldError> errors, JsonNode payload, String path) {
        if (!at(payload, path).isIntegralNumber()) {
            errors.add(FieldError.of(path, "required", "must be an integer"));
        }
    }

    private static void object(List<FieldError> errors, JsonNode payload, String path) {
        if (!at(payload, path).isObject()) {
            errors.add(FieldError.of(path, "required", "must be an object"));
        }
    }

    private static void time(List<FieldError> errors, JsonNode payload, String path) {
        JsonNode n = at(payload, path);
        if (!n.isString()) {
            errors.add(FieldError.of(path, "required", "must be a date-time string"));
            return;
        }
        try {
            Instant.parse(n.asString());
        } catch (DateTimeParseException e) {
            errors.add(FieldError.of(path, "date-time", "must be an ISO-8601 date-time"));
        }
    }

    /** The string at {@code path}, or null. */
    static String string(JsonNode node, String path) {
        JsonNode n = at(node, path);
        return n.isString() ? n.asString() : null;
    }
}
