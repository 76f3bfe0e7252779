package dev.maintenancedesk.web.releases;

import dev.maintenancedesk.accounts.Role;
import dev.maintenancedesk.calendar.ReleaseWindow;
import dev.maintenancedesk.calendar.ReleaseWindows;
import dev.maintenancedesk.plan.Plan;
import dev.maintenancedesk.plan.ReleaseTag;
import dev.maintenancedesk.plan.Texts;
import dev.maintenancedesk.problem.Conflict;
import dev.maintenancedesk.problem.InvalidInput;
import dev.maintenancedesk.releases.DeprecationRegistry;
import dev.maintenancedesk.releases.RepositoryReleases;
import dev.maintenancedesk.web.UiProblem;
import dev.maintenancedesk.web.Viewer;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The releases page, for developers: what is released and what is coming (from git), the coming release windows
 * of the plan's calendar in words, and the registered deprecations, which a lead registers from the page.
 */
@Controller
class ReleasesPage {

    /** A quarter ahead: long enough to show the next MAJOR window of a quarterly cadence. */
    static final int WEEKS_AHEAD = 13;

    /** The form's values, kept after a refusal. */
    record DeprecationForm(String key, String description, String announcedIn) {
        static final DeprecationForm EMPTY = new DeprecationForm("", "", "");
    }

    private final ReleaseWindows windows;
    private final DeprecationRegistry deprecations;
    private final RepositoryReleases repository;
    private final Viewer viewer;
    private final ZoneId zone;
    private final Clock clock;

    ReleasesPage(Plan plan, DeprecationRegistry deprecations, RepositoryReleases repository, Viewer viewer, Clock clock) {
        this.windows = new ReleaseWindows(plan);
        this.deprecations = deprecations;
        this.repository = repository;
        this.viewer = viewer;
        this.zone = plan.calendar().zone();
        this.clock = clock;
    }

    @GetMapping("/releases")
    String releases(Model model) {
        if (!model.containsAttribute("deprecationForm")) {
            model.addAttribute("deprecationForm", DeprecationForm.EMPTY);
        }
        return page(model);
    }

    /** A lead's new deprecation: back to the page with the registry's answer, inline, the typed values kept. */
    @PostMapping("/releases/deprecations")
    String register(@RequestParam(required = false) String key, @RequestParam(required = false) String description,
            @RequestParam(required = false) String announcedIn, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        DeprecationForm form = new DeprecationForm(key, description, announcedIn);
        try {
            deprecations.register(key == null ? null : key.strip(), description, announcedIn, viewer.actor());
        } catch (InvalidInput | Conflict refused) {
            response.setStatus(refused.getStatusCode().value());
            model.addAttribute("deprecationForm", form);
            model.addAttribute("deprecationProblem", UiProblem.of(refused));
            return page(model);
        }
        redirect.addFlashAttribute("deprecationRegistered", key.strip());
        return "redirect:/releases#deprecations";
    }

    private String page(Model model) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        Map<ReleaseTag, ReleaseWindow> next = new LinkedHashMap<>();
        for (ReleaseTag release : ReleaseTag.values()) {
            windows.firstOnOrAfter(today, release).ifPresent(w -> next.put(release, w));
        }
        String language = Texts.languageOf(LocaleContextHolder.getLocale());
        model.addAttribute("today", today);
        model.addAttribute("zone", zone);
        model.addAttribute("next", next);
        model.addAttribute("language", language);
        model.addAttribute("cadences", windows.cadences(today, 3));
        model.addAttribute("windows", windows.between(today, today.plusWeeks(WEEKS_AHEAD)));
        model.addAttribute("deprecations", deprecations.list());
        model.addAttribute("history", repository.snapshot(language));
        model.addAttribute("mayRegister", viewer.atLeast(Role.LEAD));
        model.addAttribute("isAdminViewer", viewer.atLeast(Role.ADMIN));
        return "releases";
    }
}
