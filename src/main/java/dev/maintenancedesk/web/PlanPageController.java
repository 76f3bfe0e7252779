package dev.maintenancedesk.web;

import dev.maintenancedesk.calendar.ReleaseWindows;
import dev.maintenancedesk.plan.Plan;
import dev.maintenancedesk.plan.PlanRenderer;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /plan}: the plan the desk runs on, rendered as a document in the page's language, with its release
 * windows said in words next to their next three days.
 */
@Controller
class PlanPageController {

    /** How many coming days each release window shows. */
    static final int NEXT_DAYS = 3;

    private final Plan plan;
    private final Markdown markdown;
    private final ReleaseWindows windows;
    private final Clock clock;

    PlanPageController(Plan plan, Markdown markdown, Clock clock) {
        this.plan = plan;
        this.markdown = markdown;
        this.windows = new ReleaseWindows(plan);
        this.clock = clock;
    }

    @GetMapping("/plan")
    String plan(Locale locale, Model model) {
        String language = PlanRenderer.LANGUAGES.contains(locale.getLanguage()) ? locale.getLanguage() : "fr";
        model.addAttribute("planHtml", markdown.toSafeHtml(PlanRenderer.render(plan, language)));
        model.addAttribute("language", language);
        model.addAttribute("cadences", windows.cadences(LocalDate.now(clock.withZone(plan.calendar().zone())), NEXT_DAYS));
        return "plan";
    }
}
