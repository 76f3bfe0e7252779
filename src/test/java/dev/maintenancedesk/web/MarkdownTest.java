package dev.maintenancedesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownTest {

    private final Markdown markdown = new Markdown();

    @Test
    void keepsFormattingLinksAndCode() {
        String html = markdown.toSafeHtml("### Steps\n\n1. open **/login**\n2. see `500`\n\n[PR](https://github.com/o/r/pull/1)\n\n"
                + "```python\nraise Http500\n```");
        assertThat(html).contains("<h3>Steps</h3>", "<strong>/login</strong>", "<code>500</code>", "<ol>",
                "href=\"https://github.com/o/r/pull/1\"", "<pre><code class=\"language-python\">raise Http500");
    }

    @Test
    void dropsScriptsHandlersAndDangerousLinks() {
        String html = markdown.toSafeHtml("hello <script>alert(1)</script> <img src=x onerror=alert(2)>"
                + " [click](javascript:alert(3)) <a href=\"data:text/html,x\">d</a> <iframe src=\"https://e.test\"></iframe>");
        assertThat(html).contains("hello").doesNotContain("<script", "alert(1)", "onerror", "javascript:", "data:text",
                "<iframe");
    }

    @Test
    void emptyGivesNothing() {
        assertThat(markdown.toSafeHtml(null)).isEmpty();
        assertThat(markdown.toSafeHtml("  ")).isEmpty();
    }
}
