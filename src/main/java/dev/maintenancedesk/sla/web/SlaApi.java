package dev.maintenancedesk.sla.web;

import dev.maintenancedesk.calendar.BusinessTimeInput;
import dev.maintenancedesk.calendar.Deadlines;
import dev.maintenancedesk.plan.Plan;
import dev.maintenancedesk.plan.Priority;
import dev.maintenancedesk.problem.InvalidInput;
import dev.maintenancedesk.sla.Sla;
import dev.maintenancedesk.sla.SlaStatus;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.List;
import java.util.Locale;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class SlaApi {

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
        Instant from = BusinessTimeInput.instant("start", start.toInstant());
        var targets = plan.sla().targets(priority);
        var due = d.due(from, switch (clock.strip().toLowerCase(Locale.ROOT).replace('_', '-')) {
            case "take-charge" -> targets.takeCharge();
            case "resolution" -> targets.resolution();
            default -> throw InvalidInput.of("clock", "\"" + clock + "\" is not one of take-charge, resolution");
        });
        return Map.of("deadline", at(due, d));
    }

    /**
     * {@code start} plus business minutes: the end of the last slot used; zero minutes from a closed
     * instant give the next opening.
     */
    @GetMapping("/api/v1/sla/add")
    Map<String, Object> add(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime start,
            @RequestParam long businessMinutes, @RequestParam(required = false) String team) {
        Deadlines d = deadlines(team);
        Instant from = BusinessTimeInput.instant("start", start.toInstant());
        Duration minutes = BusinessTimeInput.businessMinutes("businessMinutes", businessMinutes, d.calendar());
        return Map.of("end", at(d.calendar().add(from, minutes), d));
    }

    /** Business minutes between two instants (negative when {@code end} comes first). */
    @GetMapping("/api/v1/sla/between")
    Map<String, Object> between(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime start,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime end,
            @RequestParam(required = false) String team) {
        Instant from = BusinessTimeInput.instant("start", start.toInstant());
        Instant to = BusinessTimeInput.instant("end", end.toInstant());
        return Map.of("businessMinutes", deadlines(team).calendar().between(from, to).toMinutes());
    }

    private Deadlines deadlines(String team) {
        if (team != null && plan.team(team).isEmpty()) {
            throw InvalidInput.of("team", "\"" + team + "\" is not one of the plan's teams");
        }
        return sla.deadlines(team);
    }

    private static OffsetDateTime at(Instant instant, Deadlines d) {
        return instant.atZone(d.calendar().zone()).toOffsetDateTime().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    }

    private static SlaStatus parse(String status) {
        try {
            return SlaStatus.valueOf(status.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw InvalidInput.of("status", "\"" + status + "\" is not one of at_risk, breached");
        }
    }
}
