package dev.maintenancedesk.web.backlog;

import dev.maintenancedesk.accounts.Actor;
import dev.maintenancedesk.accounts.UserAccount;
import dev.maintenancedesk.accounts.Users;
import dev.maintenancedesk.backlog.Backlog;
import dev.maintenancedesk.backlog.BacklogReviews;
import dev.maintenancedesk.backlog.Decision;
import dev.maintenancedesk.problem.FieldError;
import dev.maintenancedesk.problem.InvalidInput;
import dev.maintenancedesk.web.UiProblem;
import dev.maintenancedesk.web.Viewer;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The monthly backlog review: the ordered backlog with the reason of each rank, scores set in place (htmx
 * swaps the reordered table; without script the form posts and the page comes back), dependencies, the
 * tech-debt share and the month's minutes. The module decides; refusals are shown inline.
 */
@Controller
class BacklogPage {

    /** What the forms sent, kept after a refusal. */
    record Forms(Long scoreTicket, String userValue, String technicalRisk, String blocker, String blocks,
            Long decisionTicket, String decision, String release, String heldOn, List<String> attendees) {
        static final Forms EMPTY = new Forms(null, null, null, "", "", null, null, null, null, List.of());
    }

    private final BacklogReviews reviews;
    private final Users users;
    private final Viewer viewer;

    BacklogPage(BacklogReviews reviews, Users users, Viewer viewer) {
        this.reviews = reviews;
        this.users = users;
        this.viewer = viewer;
    }

    @GetMapping("/backlog")
    String review(@RequestParam(required = false) String month, Model model, HttpServletResponse response) {
        if (month != null && !month.isBlank()) {
            try {
                return page(reviews.review(BacklogReviews.month("month", month)), model, Forms.EMPTY, null);
            } catch (ErrorResponseException refused) {
                // an unknown or future month: this month's review, with why the asked one is not shown
                response.setStatus(refused.getStatusCode().value());
                model.addAttribute("monthProblem", UiProblem.of(refused));
                model.addAttribute("askedMonth", month.strip());
            }
        }
        return page(reviews.current(), model, Forms.EMPTY, null);
    }

    @PostMapping("/backlog/tickets/{number}/score")
    String score(@PathVariable long number, @RequestParam(required = false) String userValue,
            @RequestParam(required = false) String technicalRisk,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        Forms form = new Forms(number, userValue, technicalRisk, "", "", null, null, null, null, List.of());
        UiProblem problem = null;
        try {
            List<FieldError> errors = new ArrayList<>();
            Integer value = number(errors, "userValue", userValue);
            Integer risk = number(errors, "technicalRisk", technicalRisk);
            if (!errors.isEmpty()) {
                throw InvalidInput.of(errors);
            }
            reviews.score(number, value, risk, viewer.actor());
        } catch (ErrorResponseException refused) {
            problem = UiProblem.of(refused, number, "score");
        }
        if ("true".equals(htmx)) {
            // htmx swaps only 2xx answers: the refusal travels inside the fragment, next to the row
            page(reviews.current(), model, problem == null ? Forms.EMPTY : form, problem);
            return "backlog/review :: ranking";
        }
        if (problem == null) {
            redirect.addFlashAttribute("scored", number);
            return "redirect:/backlog#ticket-" + number;
        }
        response.setStatus(problem.status());
        return page(reviews.current(), model, form, problem);
    }

    @PostMapping("/backlog/dependencies")
    String dependency(@RequestParam(required = false) String blocker, @RequestParam(required = false) String blocks,
            Model model, RedirectAttributes redirect, HttpServletResponse response) {
        Forms form = new Forms(null, null, null, blocker, blocks, null, null, null, null, List.of());
        try {
            List<FieldError> errors = new ArrayList<>();
            Long from = ticket(errors, "blocker", blocker);
            Long to = ticket(errors, "blocks", blocks);
            if (!errors.isEmpty()) {
                throw InvalidInput.of(errors);
            }
            reviews.addDependency(from, to, viewer.actor());
            redirect.addFlashAttribute("dependencyAdded", List.of(from, to));
            return "redirect:/backlog#dependencies";
        } catch (ErrorResponseException refused) {
            response.setStatus(refused.getStatusCode().value());
            return page(reviews.current(), model, form, UiProblem.of(refused, null, "dependency"));
        }
    }

    @PostMapping("/backlog/tickets/{number}/decision")
    String decide(@PathVariable long number, @RequestParam(required = false) String month,
            @RequestParam(required = false) String decision, @RequestParam(required = false) String release,
            Model model, RedirectAttributes redirect, HttpServletResponse response) {
        Forms form = new Forms(null, null, null, "", "", number, decision, release, null, List.of());
        try {
            YearMonth m = month == null || month.isBlank() ? reviews.currentMonth() : BacklogReviews.month("month", month);
            reviews.decide(m, number, decision(decision), release, viewer.actor());
            redirect.addFlashAttribute("decided", number);
            return "redirect:/backlog#ticket-" + number;
        } catch (ErrorResponseException refused) {
            response.setStatus(refused.getStatusCode().value());
            return page(reviews.current(), model, form, UiProblem.of(refused, number, "decision"));
        }
    }

    @PostMapping("/backlog/minutes")
    String minutes(@RequestParam(required = false) String month, @RequestParam(required = false) String heldOn,
            @RequestParam(required = false) List<String> attendees, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        List<String> names = attendees == null ? List.of() : attendees;
        Forms form = new Forms(null, null, null, "", "", null, null, null, heldOn, names);
        try {
            YearMonth m = month == null || month.isBlank() ? reviews.currentMonth() : BacklogReviews.month("month", month);
            reviews.attend(m, date(heldOn), names, viewer.actor());
            redirect.addFlashAttribute("minutesSaved", true);
            return "redirect:/backlog#minutes";
        } catch (ErrorResponseException refused) {
            response.setStatus(refused.getStatusCode().value());
            return page(reviews.current(), model, form, UiProblem.of(refused, null, "minutes"));
        }
    }

    /** The minutes as a Markdown file, in the page's language unless {@code lang} says otherwise. */
    @GetMapping("/backlog/{month}/minutes.md")
    ResponseEntity<byte[]> download(@PathVariable String month, @RequestParam(required = false) String lang) {
        YearMonth m = BacklogReviews.month("month", month);
        String language = dev.maintenancedesk.plan.Texts.languageOf(lang != null ? Locale.forLanguageTag(lang) : LocaleContextHolder.getLocale());
        byte[] text = reviews.minutesMarkdown(m, language).getBytes(StandardCharsets.UTF_8);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "markdown", StandardCharsets.UTF_8))
                .header("Content-Disposition", "attachment; filename=\"backlog-review-" + m + ".md\"")
                .body(text);
    }

    private String page(Backlog backlog, Model model, Forms form, UiProblem problem) {
        Actor actor = viewer.actor();
        boolean mayReview = BacklogReviews.mayReview(actor) && backlog.open();
        model.addAttribute("backlog", backlog);
        model.addAttribute("mayReview", mayReview);
        model.addAttribute("pastMonths", reviews.months().stream().filter(m -> !m.equals(backlog.month())).toList());
        model.addAttribute("people", mayReview ? users.all().stream().filter(UserAccount::enabled)
                .map(UserAccount::username).sorted().toList() : List.of());
        model.addAttribute("form", form);
        model.addAttribute("problem", problem);
        model.addAttribute("today", reviews.today());
        return "backlog/review";
    }

    private static Integer number(List<FieldError> errors, String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            errors.add(FieldError.of(field, "score-range", "must be between 1 and 5", text.strip()));
            return null;
        }
    }

    private static Long ticket(List<FieldError> errors, String field, String text) {
        String t = text == null ? "" : text.strip().replaceFirst("^#", "");
        if (t.isEmpty()) {
            errors.add(FieldError.of(field, "required", "is required"));
            return null;
        }
        try {
            return Long.valueOf(t);
        } catch (NumberFormatException e) {
            errors.add(FieldError.of(field, "ticket-number", "is not a ticket number", text.strip()));
            return null;
        }
    }

    private static Decision decision(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Decision.valueOf(text.strip());
        } catch (IllegalArgumentException e) {
            throw InvalidInput.of(FieldError.of("decision", "invalid", "is not KEEP, PLAN or DROP"));
        }
    }

    private static LocalDate date(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw InvalidInput.of(FieldError.of("heldOn", "date", "is not a date (YYYY-MM-DD)", text.strip()));
        }
    }
}
