package dev.maintenancedesk.watch;

import java.util.regex.Pattern;

/** Plain text out of feed HTML, bounded in length: what the desk stores and shows of a summary. */
final class Texts {

    private static final Pattern BLOCKS = Pattern.compile(
            "</?(?:p|br|div|li|ul|ol|h[1-6]|tr|td|th|table|blockquote|pre|hr|section|article)\\b[^>]*>",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern TAGS = Pattern.compile("<[^>]*>");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private Texts() {
    }

    static String plain(String html, int max) {
        if (html == null) {
            return null;
        }
        String text = TAGS.matcher(BLOCKS.matcher(html).replaceAll(" ")).replaceAll("");
        text = text.replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&#8217;", "’").replace("&amp;", "&");
        text = SPACES.matcher(text).replaceAll(" ").strip();
        text = text.replaceAll("[\\p{Cc}&&[^\\n\\t]]", "");
        return clip(text, max);
    }

    static String clip(String text, int max) {
        if (text == null) {
            return null;
        }
        return text.length() <= max ? text : text.substring(0, Math.max(0, max - 1)) + "…";
    }
}
