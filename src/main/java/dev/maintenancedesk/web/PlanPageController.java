package dev.maintenancedesk.web;

import dev.maintenancedesk.plan.Plan;
import dev.maintenancedesk.plan.PlanRenderer;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code /plan}: the plan the desk runs on, rendered as a document in the page's language. */
@Controller
class PlanPageController {

    private final Plan plan;
    private final Markdown markdown;

    PlanPageController(Plan plan, Markdown markdown) {
        this.plan = plan;
        this.markdown = markdown;
    }

    @GetMapping("/plan")
    String plan(Locale locale, Model model) {
        String language = PlanRenderer.LANGUAGES.contains(locale.getLanguage()) ? locale.getLanguage() : "fr";
        model.addAttribute("planHtml", markdown.toSafeHtml(PlanRenderer.render(plan, language)));
        return "plan";
    }
}
