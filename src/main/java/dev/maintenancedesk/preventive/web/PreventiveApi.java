package dev.maintenancedesk.preventive.web;

import dev.maintenancedesk.accounts.Actor;
import dev.maintenancedesk.preventive.PreventiveCalendar;
import dev.maintenancedesk.preventive.PreventiveCalendar.Evidence;
import dev.maintenancedesk.preventive.PreventiveCalendar.Past;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/preventive}: the periods opened so far with their ticket, status and evidence; the evidence of
 * one period ({@code PUT …/{action}/{period}/evidence}, e.g. the restore test's verify report and restore time).
 */
@RestController
@RequestMapping("/api/v1/preventive")
class PreventiveApi {

    static final int LIST_LIMIT = 200;

    private final PreventiveCalendar calendar;
    private final Clock clock;

    PreventiveApi(PreventiveCalendar calendar, Clock clock) {
        this.calendar = calendar;
        this.clock = clock;
    }

    record Period(String action, String period, LocalDate occursOn, long ticket, String state, Instant dueAt,
            Instant doneAt, String status, Evidence evidence) {}

    @GetMapping
    List<Period> list() {
        Instant now = clock.instant();
        return calendar.past(LIST_LIMIT).stream().map(p -> period(p, now)).toList();
    }

    record EvidenceBody(String report, Integer restoreMinutes) {}

    @PutMapping("/{action}/{period}/evidence")
    Evidence record(@PathVariable String action, @PathVariable String period, @RequestBody(required = false) EvidenceBody body,
            Authentication auth) {
        EvidenceBody b = body == null ? new EvidenceBody(null, null) : body;
        return calendar.recordEvidence(action, period, b.report(), b.restoreMinutes(), Actor.of(auth));
    }

    private static Period period(Past p, Instant now) {
        return new Period(p.action().key(), p.period(), p.occursOn(), p.ticketNumber(), p.state().name(), p.dueAt(),
                p.doneAt(), p.status(now), p.evidence());
    }
}
