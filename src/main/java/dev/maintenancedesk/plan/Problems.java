package dev.maintenancedesk.plan;

import java.util.ArrayList;
import java.util.List;

/** Collects every problem of a plan, one line each, so that a user fixes them all in one pass. */
final class Problems {

    private final List<String> lines = new ArrayList<>();

    void add(String path, String message) {
        lines.add((path.isEmpty() ? "(root)" : path) + ": " + message);
    }

    List<String> lines() {
        return List.copyOf(lines);
    }

    boolean isEmpty() {
        return lines.isEmpty();
    }

    static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    static String firstLine(String message) {
        if (message == null) {
            return "syntax error";
        }
        return message.strip().lines().findFirst().orElse("syntax error");
    }

    static String quote(String text) {
        return "\"" + text + "\"";
    }
}
