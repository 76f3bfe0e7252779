package dev.maintenancedesk.hostile;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/** Hostile values, their encodings (JSON text, percent-encoding that keeps lone surrogates), and the leak patterns. */
final class Hostile {

    private Hostile() {}

    /** Java internals that must never reach a client: class names, stack frames, array type names. */
    static final List<Pattern> LEAKS = List.of(
            Pattern.compile("\\b(java|javax|jakarta|org\\.springframework|dev\\.maintenancedesk)\\.[a-z]"),
            Pattern.compile("\\bat [a-z][\\w$]*(\\.[\\w$<>]+)+\\("),
            Pattern.compile("Exception\\b"),
            Pattern.compile("\\[L[a-z]+\\.[a-z]"));

    /** The leak pattern a body matches, or null. */
    static String leak(String body) {
        for (Pattern p : LEAKS) {
            var m = p.matcher(body);
            if (m.find()) {
                int from = Math.max(0, m.start() - 40);
                int to = Math.min(body.length(), m.end() + 60);
                return "/" + p.pattern() + "/ in …" + body.substring(from, to).replace('\n', ' ') + "…";
            }
        }
        return null;
    }

    static final String NUL = "a\u0000b";
    static final String LONE = "\ud800";

    /** Path values in place of an id, a number or a name (already encoded). */
    static final List<String> PATH_VALUES = List.of("abc", "-1", "0", "9223372036854775807",
            "99999999999999999999", "%00", "a%00b", "%ED%A0%80", "1.5", "%2B1", "1e3", "%20");

    /** Values for query and form fields, as Java strings (encoded by {@link #url}). */
    static final List<String> TEXTS = List.of(NUL, "\u0000", LONE, "9223372036854775807_1", "+999999999-12-31T23:59:59Z",
            "+10000-01-01T00:00:00Z", "99999999999999999999", "9223372036854775807", "abc", "-1", "0", "\udfffx", "",
            "   ", "-999999999-01-01T00:00:00Z", "2027-02-30T00:00:00Z", "1_9223372036854775807", "-1_-1", "_", "P9",
            "\u202egnp.exe", "<script>alert(1)</script>", "' OR '1'='1", "${7*7}", "../../etc/passwd", "%",
            "\u0007\u001b[2J", "1e400", "NaN", "true", "\uD83D\uDE00", "a\r\nb", "x".repeat(3000));

    /** JSON values put in place of a field's value. */
    static final List<String> JSON_VALUES = List.of(json(NUL), json(LONE), "[null]", "12345", "null",
            json("x".repeat(10_000)), "{}", "99999999999999999999", "[" + json(NUL) + "]", json("\u0000"), "[]", "true",
            "\"\"", "\"   \"", "9223372036854775807", "-1", "1.5", "1e400", "\"P9\"", "[12345]",
            json("+999999999-12-31T23:59:59Z"), json("\u202egnp.exe"), json("<script>alert(1)</script>"),
            "{\"a\":[{\"b\":null}]}");

    /** Whole bodies that are not the expected JSON object. */
    static final List<String> BODIES = List.of("", "{", "}", "null", "[1,2]", "\"text\"", "12", "{\"a\":}",
            "{'single':'quotes'}", "{\"a\":1,}", "\ufeff{}", "[".repeat(5000) + "]".repeat(5000),
            "{\"a\":".repeat(3000) + "1" + "}".repeat(3000), "{\"\u0000\":1}", "{\"\ud800\":1}");

    /** Content types a JSON operation does not take (or takes badly). */
    static final List<String> CONTENT_TYPES = List.of("*/*", "text/plain", "multipart/form-data",
            "multipart/form-data; boundary=", "application/x-www-form-urlencoded", "application/xml", "application/*",
            "garbage", "application/json; charset=nope", "application/json; charset=UTF-16", "text/html");

    /** Accept headers sent with base requests. */
    static final List<String> ACCEPTS = List.of("text/html", "application/xml", "*/*", "x/y;;;q=", "image/png",
            "application/json;q=0, text/html;q=0");

    /** A JSON string literal; every control character and surrogate escaped, so a lone surrogate stays one. */
    static String json(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20 || Character.isSurrogate(c) || c == 0x7f) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }

    /**
     * Percent-encodes everything but unreserved characters, as UTF-8; a lone surrogate becomes its
     * three-byte (CESU-8) form, which is what a sloppy client sends and no valid UTF-8.
     */
    static String url(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
                    || c == '_' || c == '~') {
                b.append(c);
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                for (byte x : s.substring(i, i + 2).getBytes(StandardCharsets.UTF_8)) {
                    b.append(String.format("%%%02X", x & 0xff));
                }
                i++;
            } else if (Character.isSurrogate(c)) {
                b.append(String.format("%%%02X%%%02X%%%02X", 0xE0 | (c >> 12), 0x80 | ((c >> 6) & 0x3F), 0x80 | (c & 0x3F)));
            } else {
                for (byte x : String.valueOf(c).getBytes(StandardCharsets.UTF_8)) {
                    b.append(String.format("%%%02X", x & 0xff));
                }
            }
        }
        return b.toString();
    }

    /** Whether a value holds a NUL or a lone surrogate. */
    static boolean nulOrLone(String s) {
        if (s.indexOf('\u0000') >= 0 || s.contains("\\u0000") || s.contains("%00")) {
            return true;
        }
        return lone(s);
    }

    static boolean lone(String s) {
        if (s.contains("\\ud800") || s.contains("\\udfff") || s.contains("%ED%A0%80")) {
            return true;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1)))) {
                return true;
            }
            if (Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(s.charAt(i - 1)))) {
                return true;
            }
        }
        return false;
    }

    static boolean hasNul(String s) {
        return s.indexOf('\u0000') >= 0 || s.contains("\\u0000") || s.contains("%00");
    }

    /** A readable, bounded rendering of a request part: controls and surrogates escaped, long runs cut. */
    static String shown(String s, int max) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c < 0x20 || Character.isSurrogate(c)) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        String out = b.toString().replaceAll("(.)\\1{40,}", "$1$1$1…(long run of $1)");
        return out.length() > max ? out.substring(0, max) + "…(" + s.length() + " chars)" : out;
    }
}
