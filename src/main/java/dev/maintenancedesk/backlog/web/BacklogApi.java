package dev.maintenancedesk.backlog.web;

import dev.maintenancedesk.accounts.Actor;
import dev.maintenancedesk.backlog.Backlog;
import dev.maintenancedesk.backlog.BacklogReviews;
import dev.maintenancedesk.backlog.Decision;
import dev.maintenancedesk.backlog.Minutes;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The monthly backlog review over REST. Reading is for anyone signed in; scores, dependencies and the
 * minutes are written by a LEAD or an ADMIN. A cycle among the dependencies is a 409 naming it.
 */
@RestController
@RequestMapping("/api/v1/backlog")
class BacklogApi {

    /** {@code PUT /api/v1/backlog/tickets/{number}/score}: a null field is left as it is. */
    record ScoreRequest(Integer userValue, Integer technicalRisk) {}

    /** {@code POST /api/v1/backlog/tickets/{number}/dependencies}: the ticket it blocks. */
    record DependencyRequest(Long blocks) {}

    record DecisionRequest(Decision decision, String release) {}

    record AttendanceRequest(LocalDate heldOn, List<String> attendees) {}

    private final BacklogReviews reviews;

    BacklogApi(BacklogReviews reviews) {
        this.reviews = reviews;
    }

    /** This month's ordered backlog, with the tech-debt share and the minutes so far. */
    @GetMapping
    Backlog current() {
        return reviews.ordered();
    }

    /** A month's review: this month's live, a past one as recorded. */
    @GetMapping("/{month:\\d{4}-\\d{2}}")
    Backlog month(@PathVariable String month) {
        return reviews.review(BacklogReviews.month("month", month));
    }

    /** The minutes as Markdown, whatever the client accepts (a preset content type is not negotiated). */
    @GetMapping("/{month}/minutes")
    ResponseEntity<String> minutes(@PathVariable String month, @RequestParam(defaultValue = "fr") String lang) {
        String language = dev.maintenancedesk.plan.Texts.languageOf(java.util.Locale.forLanguageTag(lang));
        String text = reviews.minutesMarkdown(BacklogReviews.month("month", month), language);
        return ResponseEntity.ok().contentType(new MediaType("text", "markdown", java.nio.charset.StandardCharsets.UTF_8))
                .header("Content-Disposition", "inline; filename=\"backlog-review-" + month + ".md\"")
                .body(text);
    }

    @PutMapping("/tickets/{number}/score")
    Backlog score(@PathVariable long number, @RequestBody ScoreRequest request, Authentication auth) {
        ScoreRequest r = request == null ? new ScoreRequest(null, null) : request;
        return reviews.score(number, r.userValue(), r.technicalRisk(), Actor.of(auth));
    }

    @PostMapping("/tickets/{number}/dependencies")
    Backlog dependency(@PathVariable long number, @RequestBody DependencyRequest request, Authentication auth) {
        return reviews.addDependency(number, request == null ? null : request.blocks(), Actor.of(auth));
    }

    @PutMapping("/{month}/decisions/{number}")
    Minutes decide(@PathVariable String month, @PathVariable long number, @RequestBody DecisionRequest request,
            Authentication auth) {
        DecisionRequest r = request == null ? new DecisionRequest(null, null) : request;
        return reviews.decide(BacklogReviews.month("month", month), number, r.decision(), r.release(), Actor.of(auth));
    }

    @PutMapping("/{month}/attendance")
    Minutes attend(@PathVariable String month, @RequestBody AttendanceRequest request, Authentication auth) {
        AttendanceRequest r = request == null ? new AttendanceRequest(null, null) : request;
        return reviews.attend(BacklogReviews.month("month", month), r.heldOn(), r.attendees(), Actor.of(auth));
    }
}
