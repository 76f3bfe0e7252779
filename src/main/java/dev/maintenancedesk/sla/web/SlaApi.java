package dev.maintenancedesk.sla.web;

import dev.maintenancedesk.calendar.Deadlines;
import dev.maintenancedesk.plan.Plan;
import dev.maintenancedesk.plan.Priority;
import dev.maintenancedesk.sla.Sla;
import dev.maintenancedesk.sla.SlaStatus;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.List;
import java.util.Locale;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class SlaApi {

    /** A century of standard business days: beyond that a duration is a mistake, not a target. */
    static final long MAX_MINUTES = 100L * 366 * 24 * 60;

    private final Sla sla;
    private final Plan plan;

    SlaApi(Sla sla, Plan plan) {
        this.sla = sla;
        this.plan = plan;
    }

    /** Tickets whose clocks are at risk or breached now, the most urgent deadline first. */
    @GetMapping("/api/v1/sla")
    List<Sla.TicketClocks> list(@RequestParam String status,
            @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit) {
        return sla.list(parse(status), limit);
    }

    /** The deadline of a target of the plan's SLA table for a clock started at {@code start}. */
    @GetMapping("/api/v1/sla/deadline")
    Map<String, Object> deadline(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime start,
            @RequestParam Priority priority, @RequestParam String clock,
            @RequestParam(required = false) String team) {
        Deadlines d = deadlines(team);
        var targets = plan.sla().targets(priority);
        var due = d.due(start.toInstant(), switch (clock.strip().toLowerCase(Locale.ROOT).replace('_', '-')) {
            case "take-charge" -> targets.takeCharge();
            case "resolution" -> targets.resolution();
            default -> throw invalid("clock", "\"" + clock + "\" is not one of take-charge, resolution");
        });
        return Map.of("deadline", at(due, d));
    }

    /** {@code start} plus business minutes: the end of the last slot used. */
    @GetMapping("/api/v1/sla/add")
    Map<String, Object> add(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime start,
            @RequestParam @Min(0) @Max(MAX_MINUTES) long businessMinutes, @RequestParam(required = false) String team) {
        Deadlines d = deadlines(team);
        return Map.of("end", at(d.calendar().add(start.toInstant(), Duration.ofMinutes(businessMinutes)), d));
    }

    /** Business minutes between two instants (negative when {@code end} comes first). */
    @GetMapping("/api/v1/sla/between")
    Map<String, Object> between(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime start,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime end,
            @RequestParam(required = false) String team) {
        return Map.of("businessMinutes", deadlines(team).calendar().between(start.toInstant(), end.toInstant()).toMinutes());
    }

    private Deadlines deadlines(String team) {
        if (team != null && plan.team(team).isEmpty()) {
            throw invalid("team", "\"" + team + "\" is not one of the plan's teams");
        }
        return sla.deadlines(team);
    }

    private static OffsetDateTime at(java.time.Instant instant, Deadlines d) {
        return instant.atZone(d.calendar().zone()).toOffsetDateTime().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    }

    private static ErrorResponseException invalid(String field, String message) {
        ProblemDetail detail = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, field + ": " + message);
        detail.setType(URI.create("/problems/invalid-request"));
        detail.setTitle("Invalid request");
        detail.setProperty("field", field);
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, detail, null);
    }

    private static SlaStatus parse(String status) {
        try {
            return SlaStatus.valueOf(status.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw invalid("status", "\"" + status + "\" is not one of at_risk, breached");
        }
    }
}
