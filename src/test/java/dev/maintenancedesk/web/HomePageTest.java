package dev.maintenancedesk.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import dev.maintenancedesk.DeskTest;
import dev.maintenancedesk.plan.Plan;
import dev.maintenancedesk.sla.Sla;
import dev.maintenancedesk.tickets.TicketQueries;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.Cookie;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.MessageSource;
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
 * controllers, security filters, Thymeleaf, message bundles, resource handlers) with fixed ticket rows
 * and SLA badges.
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

        /** #12's resolution clock at risk, 30 business minutes left; #11 has no clock counting. */
        @Bean
        @Primary
        SlaClocks fixedSlaClocks(Sla sla, Plan plan, MessageSource messages) {
            return new SlaClocks(sla, plan, messages) {
                @Override
                public Map<Long, Shown> badges(Collection<Long> numbers) {
                    return numbers.contains(12L) ? Map.of(12L, new Shown("RESOLUTION", "at-risk", "3h", 180L,
                            OffsetDateTime.parse("2026-03-11T10:30:00+01:00"), null, 150, 30L, 0, 83, 83, true))
                            : Map.of();
                }
            };
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
    void listsMyOpenTicketsMostUrgentFirstInFrenchByDefault() throws Exception {
        String html = page(get("/").header("Accept-Language", "en-US,en;q=0.9"), "bob").getContentAsString();

        assertThat(html).contains("<html lang=\"fr\"").contains("Mes tickets")
                .contains("href=\"/tickets/12\"").contains("#12")
                .contains("Login &lt;script&gt;alert(1)&lt;/script&gt; fails").doesNotContain("<script>alert(1)")
                .contains("class=\"badge priority priority-p1\"").contains("critique")
                .contains("class=\"state state-in_progress\"").contains("Implémentation")
                .contains("class=\"sla-badge sla-at-risk\"").contains("reste 30 min")
                .contains("title=\"Correction : À risque\"")
                .contains("le délai SLA le plus urgent d’abord")
                .contains("Non qualifié")
                .contains("href=\"/tickets?assignee=bob\"").contains("Tous mes tickets")
                .contains("href=\"/tickets/new\"").contains("Nouveau ticket");
        String mine = html.substring(html.indexOf("id=\"h-mine\""));
        assertThat(mine.indexOf("#12")).as("the ticket with a clock at risk first").isLessThan(mine.indexOf("#11"));
    }

    @Test
    void aBannerWhileAnyP1IsOpenAndEmptyListsSaySo() throws Exception {
        String html = page(get("/"), "alice").getContentAsString();

        assertThat(html).contains("class=\"banner-p1\" role=\"alert\"")
                .contains("Un ticket P1 est ouvert : toute l’équipe en priorité.");
        String banner = html.substring(html.indexOf("banner-p1"), html.indexOf("</section>", html.indexOf("banner-p1")));
        assertThat(banner).contains("href=\"/tickets/12\"").doesNotContain("/tickets/11");
        assertThat(html).contains("Aucun ticket ouvert ne vous est attribué.")
                .contains("id=\"at-risk\"").contains("id=\"breached\"");
    }

    @Test
    void showsTheNextReleaseWindowOfEachKind() throws Exception {
        String html = page(get("/"), "alice").getContentAsString();

        Map<String, LocalDate> windows = new java.util.HashMap<>();
        Matcher m = Pattern.compile("data-release=\"(\\w+)\"><time datetime=\"([0-9-]+)\">([^<]+)</time>").matcher(html);
        while (m.find()) {
            windows.put(m.group(1), LocalDate.parse(m.group(2)));
            assertThat(m.group(3)).as("a French date").matches("(lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche) \\d{1,2} \\p{L}+ \\d{4}");
        }
        assertThat(windows).containsOnlyKeys("PATCH", "MINOR", "MAJOR");
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Europe/Paris"));
        // cesizen plan: PATCH every Tuesday, MINOR the first Tuesday of a month, MAJOR the first of a quarter
        windows.values().forEach(d -> assertThat(d.getDayOfWeek()).isEqualTo(DayOfWeek.TUESDAY));
        assertThat(windows.get("PATCH")).isBetween(today, today.plusDays(6));
        assertThat(windows.get("MINOR").getDayOfMonth()).isLessThanOrEqualTo(7);
        assertThat(windows.get("MAJOR").getMonthValue()).isIn(1, 4, 7, 10);
        assertThat(windows.get("PATCH")).isBeforeOrEqualTo(windows.get("MINOR"));
        assertThat(windows.get("MINOR")).isBeforeOrEqualTo(windows.get("MAJOR"));
    }

    @Test
    void layoutHasNavigationLogoutWithCsrfAndNoInlineScript() throws Exception {
        String html = page(get("/")).getContentAsString();

        for (String path : new String[] {"/tickets", "/board", "/releases", "/plan", "/profile"}) {
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
        MockHttpServletResponse english = page(get("/").param("lang", "en"), "bob");
        assertThat(english.getContentAsString()).contains("<html lang=\"en\"").contains("New ticket")
                .contains("My tickets").contains("In progress").contains("critical")
                .contains("most urgent SLA first").contains("30 min left").contains("title=\"Resolution: At risk\"")
                .contains("One P1 ticket is open");
        Cookie cookie = english.getCookie(LocaleConfiguration.COOKIE);
        assertThat(cookie).isNotNull();

        assertThat(page(get("/").cookie(cookie)).getContentAsString()).contains("New ticket");
        assertThat(page(get("/").param("lang", "de")).getContentAsString()).contains("<html lang=\"fr\"");
    }

    @Test
    void languageLinksKeepTheQueryString() throws Exception {
        String html = page(get("/tickets?priority=P1&label=bug&lang=fr")).getContentAsString();

        assertThat(html).contains("href=\"?priority=P1&amp;label=bug&amp;lang=en\"")
                .contains("href=\"?priority=P1&amp;label=bug&amp;lang=fr\"");
        assertThat(page(get("/")).getContentAsString()).contains("href=\"?lang=en\"");
        assertThat(LayoutAdvice.languageLinks("text=caf%C3%A9&lang=en&after=3"))
                .containsEntry("fr", "?text=caf%C3%A9&after=3&lang=fr");
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
        return page(request, "alice");
    }

    private MockHttpServletResponse page(MockHttpServletRequestBuilder request, String username) throws Exception {
        MockHttpServletResponse response = mvc.perform(request.with(user(username).roles("DEVELOPER"))).andReturn().getResponse();
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
