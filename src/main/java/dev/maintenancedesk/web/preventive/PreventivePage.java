package dev.maintenancedesk.web.preventive;

import dev.maintenancedesk.plan.PlanRenderer;
import dev.maintenancedesk.plan.PreventiveAction;
import dev.maintenancedesk.preventive.PreventiveCalendar;
import dev.maintenancedesk.problem.FieldError;
import dev.maintenancedesk.problem.Forbidden;
import dev.maintenancedesk.problem.InvalidInput;
import dev.maintenancedesk.problem.NotFound;
import dev.maintenancedesk.web.UiProblem;
import dev.maintenancedesk.web.Viewer;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /preventive}: the plan's preventive actions in words, the next twelve months of occurrences with the
 * due date each ticket will get, and the periods opened so far with their ticket, status and evidence, which a
 * developer records from the page.
 */
@Controller
class PreventivePage {

    static final int MONTHS_AHEAD = 12;
    static final int PAST_LIMIT = 60;

    /** The evidence form's values, kept after a refusal, with the period it is for. */
    record EvidenceForm(String action, String period, String report, String restoreMinutes) {}

    private final PreventiveCalendar calendar;
    private final Viewer viewer;
    private final Clock clock;

    PreventivePage(PreventiveCalendar calendar, Viewer viewer, Clock clock) {
        this.calendar = calendar;
        this.viewer = viewer;
        this.clock = clock;
    }

    @GetMapping("/preventive")
    String page(Locale locale, Model model) {
        return render(locale, model);
    }

    /** Records a period's evidence: back to the period with the calendar's answer, the typed values kept. */
    @PostMapping("/preventive/evidence")
    String evidence(@RequestParam(required = false) String action, @RequestParam(required = false) String period,
            @RequestParam(required = false) String report, @RequestParam(required = false) String restoreMinutes,
            Locale locale, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        EvidenceForm form = new EvidenceForm(action, period, report, restoreMinutes);
        try {
            calendar.recordEvidence(action == null ? "" : action, period == null ? "" : period, report,
                    minutes(restoreMinutes), viewer.actor());
        } catch (InvalidInput | NotFound | Forbidden refused) {
            response.setStatus(refused.getStatusCode().value());
            model.addAttribute("evidenceForm", form);
            model.addAttribute("evidenceProblem", UiProblem.of(refused));
            return render(locale, model);
        }
        redirect.addFlashAttribute("evidenceRecorded", action + " " + period);
        return "redirect:/preventive#" + action + "-" + period;
    }

    private static Integer minutes(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            throw InvalidInput.of(FieldError.of("restoreMinutes", "not-number", "\"" + text + "\" is not a number", text));
        }
    }

    private String render(Locale locale, Model model) {
        String language = PlanRenderer.LANGUAGES.contains(locale.getLanguage()) ? locale.getLanguage() : "fr";
        LocalDate today = LocalDate.now(clock.withZone(calendar.zone()));
        List<PreventiveAction> actions = calendar.actions();
        model.addAttribute("language", language);
        model.addAttribute("zone", calendar.zone());
        model.addAttribute("today", today);
        model.addAttribute("now", clock.instant());
        model.addAttribute("actions", actions);
        model.addAttribute("upcoming", calendar.upcoming(today.plusDays(1), today.plusMonths(MONTHS_AHEAD).plusDays(1)));
        model.addAttribute("past", calendar.past(PAST_LIMIT));
        model.addAttribute("mayRecord", calendar.mayRecordEvidence(viewer.actor()));
        return "preventive/calendar";
    }
}
