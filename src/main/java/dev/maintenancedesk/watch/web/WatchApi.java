package dev.maintenancedesk.watch.web;

import dev.maintenancedesk.problem.FieldError;
import dev.maintenancedesk.problem.InvalidInput;
import dev.maintenancedesk.watch.Digest;
import dev.maintenancedesk.watch.SourceStatus;
import dev.maintenancedesk.watch.TechnologyWatch;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The watch for scripts: each source's state, and a month's digest (the page's content as JSON). */
@RestController
class WatchApi {

    private final TechnologyWatch watch;

    WatchApi(TechnologyWatch watch) {
        this.watch = watch;
    }

    /** A source or dependency file; {@code error} in English, {@code null} unless failing. */
    record SourceResource(String key, String name, String kind, String url, String state, String error,
            java.time.Instant lastAttempt, java.time.Instant lastSuccess, java.time.Instant retryAfter, int items) {

        static SourceResource of(SourceStatus s) {
            return new SourceResource(s.key(), s.name(), s.kind(), s.url(), s.state(), s.error(), s.lastAttempt(),
                    s.lastSuccess(), s.retryAfter(), s.items());
        }
    }

    @GetMapping("/api/v1/watch/sources")
    List<SourceResource> sources() {
        return watch.sources().stream().map(SourceResource::of).toList();
    }

    @GetMapping("/api/v1/watch/digest")
    Digest digest(@RequestParam String month) {
        try {
            YearMonth m = YearMonth.parse(month.strip());
            if (m.getYear() >= 1970 && m.getYear() <= 9999) {
                return watch.digest(m);
            }
        } catch (DateTimeParseException e) {
            // below
        }
        throw InvalidInput.of(FieldError.of("month", "not-a-month", "must be a month YYYY-MM (e.g. 2026-11)", month));
    }
}
