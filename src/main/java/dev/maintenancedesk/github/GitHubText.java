package dev.maintenancedesk.github;

import java.nio.charset.StandardCharsets;

/** GitHub texts made storable: control characters and lone surrogates dropped, cut to the desk's limits. */
final class GitHubText {

    private GitHubText() {}

    static String clean(String value, int maxChars) {
        if (value == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
                continue;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                    out.append(c).append(value.charAt(++i));
                }
                continue;
            }
            if (Character.isLowSurrogate(c)) {
                continue;
            }
            out.append(c);
        }
        String s = out.toString().replace("\r\n", "\n");
        if (maxChars > 0 && s.length() > maxChars) {
            int end = maxChars - 1;
            if (Character.isHighSurrogate(s.charAt(end - 1))) {
                end--;
            }
            s = s.substring(0, end) + "…";
        }
        return s;
    }

    /** Cut so that the UTF-8 encoding fits {@code maxBytes}. */
    static String fitBytes(String s, int maxBytes) {
        if (s.getBytes(StandardCharsets.UTF_8).length <= maxBytes) {
            return s;
        }
        int chars = Math.min(s.length(), maxBytes / 4);
        while (chars < s.length() && s.substring(0, chars + 1).getBytes(StandardCharsets.UTF_8).length < maxBytes - 3) {
            chars++;
        }
        return clean(s.substring(0, chars), 0) + "…";
    }
}
