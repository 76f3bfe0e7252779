package dev.maintenancedesk.sla.web;

import dev.maintenancedesk.sla.Sla;
import dev.maintenancedesk.sla.SlaStatus;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class SlaApi {

    private final Sla sla;

    SlaApi(Sla sla) {
        this.sla = sla;
    }

    /** Tickets whose clocks are at risk or breached now, the most urgent deadline first. */
    @GetMapping("/api/v1/sla")
    List<Sla.TicketClocks> list(@RequestParam String status,
            @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit) {
        return sla.list(parse(status), limit);
    }

    private static SlaStatus parse(String status) {
        try {
            return SlaStatus.valueOf(status.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            ProblemDetail detail = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    "status: \"" + status + "\" is not one of at_risk, breached");
            detail.setType(URI.create("/problems/invalid-request"));
            detail.setTitle("Invalid request");
            detail.setProperty("field", "status");
            throw new ErrorResponseException(HttpStatus.BAD_REQUEST, detail, e);
        }
    }
}
