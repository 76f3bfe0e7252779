package dev.maintenancedesk.web.releases;

import dev.maintenancedesk.calendar.ReleaseWindow;
import dev.maintenancedesk.calendar.ReleaseWindows;
import dev.maintenancedesk.plan.Plan;
import dev.maintenancedesk.plan.ReleaseTag;
import dev.maintenancedesk.plan.Texts;
import dev.maintenancedesk.releases.DeprecationRegistry;
import dev.maintenancedesk.releases.RepositoryReleases;
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
    private final RepositoryReleases repository;
    private final ZoneId zone;
    private final Clock clock;

    ReleasesPage(Plan plan, DeprecationRegistry deprecations, RepositoryReleases repository, Clock clock) {
        this.windows = new ReleaseWindows(plan);
        this.deprecations = deprecations;
        this.repository = repository;
        this.zone = plan.calendar().zone();
        this.clock = clock;
    }

    @GetMapping("/releases")
    String releases(Model model) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        Map<ReleaseTag, ReleaseWindow> next = new LinkedHashMap<>();
        for (ReleaseTag release : ReleaseTag.values()) {
            windows.firstOnOrAfter(today, release).ifPresent(w -> next.put(release, w));
        }
        model.addAttribute("today", today);
        model.addAttribute("zone", zone);
        model.addAttribute("next", next);
        model.addAttribute("windows", windows.between(today, today.plusWeeks(WEEKS_AHEAD)));
        model.addAttribute("deprecations", deprecations.list());
        model.addAttribute("history", repository.snapshot(Texts.languageOf(LocaleContextHolder.getLocale())));
        return "releases";
    }
}
