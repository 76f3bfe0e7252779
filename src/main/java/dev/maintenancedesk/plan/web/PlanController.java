package dev.maintenancedesk.plan.web;

import dev.maintenancedesk.plan.Plan;
import dev.maintenancedesk.plan.PlanRenderer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import dev.maintenancedesk.problem.FieldError;
import dev.maintenancedesk.problem.InvalidInput;

/** The plan the application runs on, for scripts (JSON) and for reading (Markdown). */
@RestController
@RequestMapping("/api/v1/plan")
class PlanController {

    static final String MARKDOWN = "text/markdown;charset=UTF-8";

    private final Plan plan;

    PlanController(Plan plan) {
        this.plan = plan;
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    Plan plan() {
        return plan;
    }

    @GetMapping(path = "/markdown", produces = MARKDOWN)
    String markdown(@RequestParam(defaultValue = "fr") String lang) {
        if (!PlanRenderer.LANGUAGES.contains(lang)) {
            throw InvalidInput.of(FieldError.of("lang", "not-one-of", "unknown language \"" + lang + "\" (expected: "
                    + String.join(", ", PlanRenderer.LANGUAGES) + ")", lang, String.join(", ", PlanRenderer.LANGUAGES)));
        }
        return PlanRenderer.render(plan, lang);
    }
}
