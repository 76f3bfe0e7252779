package dev.maintenancedesk.watch;

/** Text from feeds put into Markdown as text: the characters that would start markup are escaped. */
final class Markdowns {

    private Markdowns() {
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        return text.replaceAll("([\\\\`*_{}\\[\\]<>()#+!|~])", "\\\\$1").replace("\n", " ");
    }

    /** A link target: only http(s) addresses, with the characters that end a Markdown link escaped. */
    static String url(String url) {
        if (url == null || !(url.startsWith("https://") || url.startsWith("http://"))) {
            return null;
        }
        return url.replace(" ", "%20").replace("(", "%28").replace(")", "%29").replace("<", "%3C").replace(">", "%3E");
    }
}
