package dev.maintenancedesk.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import dev.maintenancedesk.DeskTest;
import dev.maintenancedesk.tickets.TicketQueries;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Renders the home page, the layout and the error pages through the whole application (real
 * controllers, security filters, Thymeleaf, message bundles, resource handlers) with fixed ticket rows.
 * Requests go through MockMvc with an authenticated test user, because on this branch the login
 * (accounts module) is not there yet; end-to-end HTTP/browser tests of these pages come with it.
 */
@DeskTest
@DirtiesContext // its own context (fixed rows) is useless to others; closing it now also keeps it from racing the database drop at JVM exit
class HomePageTest {

    @TestConfiguration
    static class Rows {
        @Bean
        @Primary
        TicketQueries fixedTicketQueries() {
            return new FixedTicketQueries();
        }
    }

    @Autowired
    WebApplicationContext context;

    MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    @Test
    void listsTicketsNewestFirstInFrenchByDefault() throws Exception {
        String html = page(get("/").header("Accept-Language", "en-US,en;q=0.9")).getContentAsString();

        assertThat(html).contains("<html lang=\"fr\"")
                .contains("href=\"/tickets/12\"").contains("#12")
                .contains("Login &lt;script&gt;alert(1)&lt;/script&gt; fails").doesNotContain("<script>alert(1)")
                .contains("Corrective")
                .contains("class=\"badge priority priority-p1\"").contains("critique")
                .contains("class=\"state state-in_progress\"").contains("Implémentation")
                .contains("bob")
                .contains("10/03/2026 16:30 (Europe/Paris)").contains("datetime=\"2026-03-10T16:30+01:00\"")
                .contains("01/07/2026 09:05 (Europe/Paris)")
                .contains("Non attribué").contains("Non qualifié")
                .contains("href=\"/tickets/new\"").contains("Nouveau ticket")
                .contains("href=\"/?after=11\"").contains("Page suivante");
        assertThat(html.indexOf("#12")).isLessThan(html.indexOf("#11"));
    }

    @Test
    void layoutHasNavigationLogoutWithCsrfAndNoInlineScript() throws Exception {
        String html = page(get("/")).getContentAsString();

        for (String path : new String[] {"/tickets", "/board", "/releases", "/kpis", "/plan", "/profile"}) {
            assertThat(html).contains("href=\"" + path + "\"");
        }
        assertThat(html).contains("aria-current=\"page\">Accueil</a>")
                .containsPattern("<form class=\"logout\" method=\"post\" action=\"/logout\">")
                .containsPattern("<input type=\"hidden\" name=\"_csrf\" value=\"[^\"]+\">")
                .contains("<script src=\"/webjars/htmx.org/dist/htmx.min.js\" defer></script>")
                .contains("href=\"/css/desk.css\"")
                .doesNotContainPattern("<script>|<script [^>]*>[^<]|style=\"");
        assertThat(html.split("name=\"_csrf\"", -1)).as("exactly one CSRF field").hasSize(2);
    }

    @Test
    void switchesToEnglishAndRemembersIt() throws Exception {
        MockHttpServletResponse english = page(get("/").param("lang", "en"));
        assertThat(english.getContentAsString()).contains("<html lang=\"en\"").contains("New ticket")
                .contains("In progress").contains("critical").contains("2026-03-10 16:30 (Europe/Paris)")
                .contains("Next page");
        Cookie cookie = english.getCookie(LocaleConfiguration.COOKIE);
        assertThat(cookie).isNotNull();

        assertThat(page(get("/").cookie(cookie)).getContentAsString()).contains("New ticket");
        assertThat(page(get("/").param("lang", "de")).getContentAsString()).contains("<html lang=\"fr\"");
    }

    @Test
    void emptyPageSaysSoAndLeadsBack() throws Exception {
        String html = page(get("/").param("after", "11")).getContentAsString();

        assertThat(html).contains("Plus aucun ticket sur cette page.").contains("Première page")
                .doesNotContain("<table");
    }

    @Test
    void servesTheStylesheetAndHtmxFromTheJar() throws Exception {
        assertThat(page(get("/css/desk.css")).getContentAsString()).contains(".priority-p1");
        assertThat(page(get("/webjars/htmx.org/dist/htmx.min.js")).getContentAsString()).contains("htmx");
    }

    @Test
    void errorPagesAreGenericAndShowNoInternals() throws Exception {
        String notFound = errorPage(404, null).getContentAsString();
        assertThat(notFound).contains("Page introuvable").contains("Erreur 404").contains("href=\"/\"");

        assertThat(errorPage(403, null).getContentAsString()).contains("Accès refusé");

        MockHttpServletResponse failure = errorPage(500, new IllegalStateException("secret-detail at db.internal"));
        assertThat(failure.getStatus()).isEqualTo(500);
        assertThat(failure.getContentAsString()).contains("Une erreur est survenue")
                .doesNotContain("secret-detail").doesNotContain("IllegalStateException").doesNotContain("at dev.");
    }

    @Test
    void browsersGetAnErrorStatusForTheErrorPageWhileApiClientsKeepProblemJson() throws Exception {
        MockHttpServletResponse browser = mvc.perform(get("/no-such-page")
                .accept(MediaType.TEXT_HTML, MediaType.APPLICATION_XHTML_XML, MediaType.ALL)
                .with(user("alice").roles("DEVELOPER"))).andReturn().getResponse();
        assertThat(browser.getStatus()).isEqualTo(404);
        assertThat(browser.getContentAsString()).as("left to the container's error dispatch").isEmpty();

        for (String path : new String[] {"/no-such-page", "/api/v1/no-such-thing"}) {
            MockHttpServletResponse client = mvc.perform(get(path).accept(MediaType.APPLICATION_JSON)
                    .with(user("alice").roles("DEVELOPER"))).andReturn().getResponse();
            assertThat(client.getStatus()).isEqualTo(404);
            assertThat(client.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        }
        MockHttpServletResponse apiFromBrowser = mvc.perform(get("/api/v1/no-such-thing").accept(MediaType.TEXT_HTML)
                .with(user("alice").roles("DEVELOPER"))).andReturn().getResponse();
        assertThat(apiFromBrowser.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    }

    private MockHttpServletResponse page(MockHttpServletRequestBuilder request) throws Exception {
        MockHttpServletResponse response = mvc.perform(request.with(user("alice").roles("DEVELOPER"))).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
        return response;
    }

    /** What the servlet container's error dispatch hands to Boot's error controller. */
    private MockHttpServletResponse errorPage(int status, Throwable exception) throws Exception {
        MockHttpServletRequestBuilder request = get("/error").accept(MediaType.TEXT_HTML)
                .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, status)
                .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/somewhere");
        if (exception != null) {
            request.requestAttr(RequestDispatcher.ERROR_EXCEPTION, exception);
        }
        return mvc.perform(request.with(user("alice").roles("DEVELOPER"))).andReturn().getResponse();
    }
}
