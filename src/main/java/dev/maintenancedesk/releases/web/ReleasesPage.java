package dev.maintenancedesk.releases.web;

import dev.maintenancedesk.calendar.ReleaseWindow;
import dev.maintenancedesk.calendar.ReleaseWindows;
import dev.maintenancedesk.plan.Plan;
import dev.maintenancedesk.releases.Bump;
import dev.maintenancedesk.releases.DeprecationRegistry;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The releases page: the released versions and the next one (from git), the coming release windows of the plan's calendar and the registered deprecations. */
@Controller
class ReleasesPage {

    /** A quarter ahead: long enough to show the next MAJOR window of a quarterly cadence. */
    static final int WEEKS_AHEAD = 13;

    private final ReleaseWindows windows;
    private final DeprecationRegistry deprecations;
    private final ZoneId zone;
    private final Clock clock;

    private final RepositoryReleases repository;

    ReleasesPage(Plan plan, DeprecationRegistry deprecations, RepositoryReleases repository, Clock clock) {
        this.repository = repository;
        this.windows = new ReleaseWindows(plan);
        this.deprecations = deprecations;
        this.zone = plan.calendar().zone();
        this.clock = clock;
    }

    @GetMapping("/releases")
    String releases(Model model) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        Map<Bump, ReleaseWindow> next = new LinkedHashMap<>();
        for (Bump bump : new Bump[] {Bump.PATCH, Bump.MINOR, Bump.MAJOR}) {
            windows.firstOnOrAfter(today, bump.window()).ifPresent(w -> next.put(bump, w));
        }
        model.addAttribute("today", today);
        model.addAttribute("zone", zone);
        model.addAttribute("next", next);
        model.addAttribute("windows", windows.between(today, today.plusWeeks(WEEKS_AHEAD)));
        model.addAttribute("deprecations", deprecations.list());
        model.addAttribute("history", repository.snapshot(ReleasesApi.language(LocaleContextHolder.getLocale())));
        return "releases";
    }
}
