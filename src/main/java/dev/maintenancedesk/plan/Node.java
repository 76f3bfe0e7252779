package dev.maintenancedesk.plan;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import tools.jackson.core.JsonToken;

/**
 * A YAML mapping being read at a known path. Every accessor records a problem instead of throwing
 * and returns a harmless default, so that one pass reports all problems. A node standing for a
 * missing section stays silent: its absence was already reported once.
 */
final class Node {

    private final String path;
    private final Map<String, Object> map;
    private final Problems problems;
    private final boolean absent;
    private final Set<String> read = new LinkedHashSet<>();

    private Node(String path, Map<String, Object> map, Problems problems, boolean absent) {
        this.path = path;
        this.map = map;
        this.problems = problems;
        this.absent = absent;
    }

    @SuppressWarnings("unchecked")
    static Node root(Object document, Problems problems) {
        if (document instanceof Map<?, ?> m) {
            return new Node("", (Map<String, Object>) m, problems, false);
        }
        if (problems.isEmpty()) {
            problems.add("", document == null ? "the plan is empty" : "must be a mapping of sections");
        }
        return new Node("", Map.of(), problems, true);
    }

    String path() {
        return path;
    }

    String path(String key) {
        return Problems.join(path, key);
    }

    void problem(String key, String message) {
        if (!absent) {
            problems.add(key == null ? path : path(key), message);
        }
    }

    boolean has(String key) {
        return map.containsKey(key) && map.get(key) != null;
    }

    Set<String> keys() {
        return map.keySet();
    }

    private Optional<Object> get(String key, boolean required) {
        read.add(key);
        Object value = map.get(key);
        if (value == null && required) {
            problem(key, "missing (required)");
        }
        return Optional.ofNullable(value);
    }

    Optional<YamlTree.Scalar> scalar(String key, boolean required) {
        return get(key, required).flatMap(v -> {
            if (v instanceof YamlTree.Scalar s) {
                return Optional.of(s);
            }
            problem(key, "must be a single value, not " + (v instanceof Map ? "a mapping" : "a list"));
            return Optional.empty();
        });
    }

    String text(String key) {
        return scalar(key, true).map(s -> s.text().strip()).filter(t -> {
            if (t.isEmpty()) {
                problem(key, "must not be empty");
            }
            return !t.isEmpty();
        }).orElse("");
    }

    Optional<String> optionalText(String key) {
        return scalar(key, false).map(s -> s.text().strip()).filter(t -> !t.isEmpty());
    }

    boolean flag(String key, boolean fallback) {
        return scalar(key, false).map(s -> {
            if (s.token() == JsonToken.VALUE_TRUE || s.token() == JsonToken.VALUE_FALSE) {
                return s.token() == JsonToken.VALUE_TRUE;
            }
            problem(key, Problems.quote(s.text()) + " is not a boolean (expected: true or false)");
            return fallback;
        }).orElse(fallback);
    }

    Optional<BigDecimal> number(String key, boolean required) {
        return scalar(key, required).flatMap(s -> {
            try {
                return Optional.of(new BigDecimal(s.text().strip()));
            } catch (NumberFormatException e) {
                problem(key, Problems.quote(s.text()) + " is not a number");
                return Optional.empty();
            }
        });
    }

    int integer(String key, int fallback) {
        return number(key, true).flatMap(n -> {
            try {
                return Optional.of(n.intValueExact());
            } catch (ArithmeticException e) {
                problem(key, n + " is not a whole number");
                return Optional.empty();
            }
        }).orElse(fallback);
    }

    /** Enum values are written in lower or upper case ({@code monthly}, {@code CORRECTIVE}). */
    <E extends Enum<E>> E enumeration(String key, Class<E> type, String what) {
        return scalar(key, true).map(s -> enumValue(s.text(), type, what, (p, m) -> {
            problem(key, m);
            return null;
        })).orElse(null);
    }

    static <E extends Enum<E>> E enumValue(String text, Class<E> type, String what,
            BiFunction<String, String, E> onError) {
        String name = text.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(name)) {
                return constant;
            }
        }
        String expected = Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
        return onError.apply(text, Problems.quote(text) + " is not " + what + " (expected: "
                + (type == Priority.class || type == TicketType.class || type == ReleaseTag.class
                        ? expected.toUpperCase(Locale.ROOT) : expected) + ")");
    }

    /** A text in both languages; a plain value stands for both. */
    Localized localized(String key, boolean required) {
        Optional<Object> value = get(key, required);
        if (value.isEmpty()) {
            return new Localized("", "");
        }
        if (value.get() instanceof YamlTree.Scalar s) {
            return new Localized(s.text().strip(), s.text().strip());
        }
        Node n = child(key, value.get());
        if (n == null) {
            return new Localized("", "");
        }
        Localized text = new Localized(n.text("fr"), n.text("en"));
        n.finish();
        return text;
    }

    static Localized localized(Object item, String path, Problems problems) {
        if (item instanceof YamlTree.Scalar s) {
            return new Localized(s.text().strip(), s.text().strip());
        }
        Node n = item instanceof Map<?, ?> ? Node.of(path, item, problems) : null;
        if (n == null) {
            problems.add(path, "must be a text or a mapping with fr and en");
            return new Localized("", "");
        }
        Localized text = new Localized(n.text("fr"), n.text("en"));
        n.finish();
        return text;
    }

    /** A required mapping; when it is missing a silent stand-in is returned. */
    Node section(String key, boolean required) {
        Optional<Object> value = get(key, required);
        if (value.isEmpty()) {
            return new Node(path(key), Map.of(), problems, true);
        }
        Node n = child(key, value.get());
        return n == null ? new Node(path(key), Map.of(), problems, true) : n;
    }

    @SuppressWarnings("unchecked")
    private Node child(String key, Object value) {
        if (value instanceof Map<?, ?> m) {
            return new Node(path(key), (Map<String, Object>) m, problems, absent);
        }
        problem(key, "must be a mapping");
        return null;
    }

    @SuppressWarnings("unchecked")
    static Node of(String path, Object value, Problems problems) {
        return new Node(path, (Map<String, Object>) value, problems, false);
    }

    /** Raw items of a list; a missing optional list is empty. */
    List<Object> list(String key, boolean required) {
        Optional<Object> value = get(key, required);
        if (value.isEmpty()) {
            return List.of();
        }
        if (value.get() instanceof List<?> l) {
            return new ArrayList<>(l);
        }
        problem(key, "must be a list");
        return List.of();
    }

    /** A list of mappings, each as a node at {@code key[i]}. */
    List<Node> nodes(String key, boolean required) {
        List<Node> nodes = new ArrayList<>();
        List<Object> items = list(key, required);
        for (int i = 0; i < items.size(); i++) {
            String p = path(key) + "[" + i + "]";
            if (items.get(i) instanceof Map<?, ?>) {
                nodes.add(Node.of(p, items.get(i), problems));
            } else if (!absent) {
                problems.add(p, "must be a mapping");
            }
        }
        return nodes;
    }

    /** A list of single values, blanks reported. */
    List<String> strings(String key, boolean required) {
        List<String> values = new ArrayList<>();
        List<Object> items = list(key, required);
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) instanceof YamlTree.Scalar s && !s.text().isBlank()) {
                values.add(s.text().strip());
            } else if (!absent) {
                problems.add(path(key) + "[" + i + "]", "must be a non-empty single value");
            }
        }
        return values;
    }

    /** Reports every key that no accessor asked for, with the keys that are allowed here. */
    void finish() {
        if (absent) {
            return;
        }
        for (String key : map.keySet()) {
            if (!read.contains(key)) {
                problems.add(path(key), "unknown key (expected one of: " + String.join(", ", read) + ")");
            }
        }
    }

    Problems problems() {
        return problems;
    }
}
