package dev.maintenancedesk.releases.web;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/**
 * Release notes (Markdown built from commit messages, which anyone with push rights writes) to HTML safe to
 * show: commonmark renders, the OWASP sanitizer keeps headings, lists, emphasis, code and links only.
 * The same policy as the web module's Markdown, kept here so releases does not depend on web.
 */
final class NotesHtml {

    private static final PolicyFactory POLICY = Sanitizers.FORMATTING.and(Sanitizers.BLOCKS).and(Sanitizers.LINKS)
            .and(new HtmlPolicyBuilder().allowElements("code", "pre", "del", "s").toFactory());

    private final Parser parser = Parser.builder().build();
    private final HtmlRenderer renderer = HtmlRenderer.builder().build();

    String toSafeHtml(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        return POLICY.sanitize(renderer.render(parser.parse(markdown)));
    }
}
