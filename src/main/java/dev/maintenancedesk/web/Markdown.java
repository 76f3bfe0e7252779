package dev.maintenancedesk.web;

import java.util.List;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;
import org.springframework.stereotype.Component;

/**
 * Markdown written by users (ticket descriptions, comments, post-mortems) to HTML that is safe to
 * show: commonmark renders, then the OWASP sanitizer keeps only formatting, links and code, so a
 * {@code <script>} or a {@code javascript:} link never reaches a browser.
 */
@Component
public class Markdown {

    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());
    private static final PolicyFactory POLICY = Sanitizers.FORMATTING
            .and(Sanitizers.BLOCKS)
            .and(Sanitizers.LINKS)
            .and(Sanitizers.TABLES)
            .and(new HtmlPolicyBuilder()
                    .allowElements("pre", "code", "hr", "del", "s")
                    .allowAttributes("class").matching(java.util.regex.Pattern.compile("language-[a-z0-9+#-]{1,20}")).onElements("code")
                    .toFactory());

    private final Parser parser = Parser.builder().extensions(EXTENSIONS).build();
    private final HtmlRenderer renderer = HtmlRenderer.builder().extensions(EXTENSIONS).build();

    public String toSafeHtml(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        return POLICY.sanitize(renderer.render(parser.parse(markdown)));
    }
}
