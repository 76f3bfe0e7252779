package dev.maintenancedesk.web.watch;

import dev.maintenancedesk.plan.Plan;
import dev.maintenancedesk.web.Viewer;
import dev.maintenancedesk.watch.TechnologyWatch;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The technology watch in the UI: {@code /watch?month=YYYY-MM} shows a month's digest (advisories touching our
 * dependencies first, then each source's items), {@code /watch/digest.md} downloads it as Markdown, and
 * {@code /watch/sources} shows every source's and dependency file's last fetch (failing ones with their error).
 */
@Controller
class WatchPages {

    private final TechnologyWatch watch;
    private final Clock clock;
    private final ZoneId zone;
    private final Viewer viewer;

    WatchPages(TechnologyWatch watch, Plan plan, Clock clock, Viewer viewer) {
        this.watch = watch;
        this.clock = clock;
        this.zone = plan.calendar().zone();
        this.viewer = viewer;
    }

    @GetMapping("/watch")
    String digest(@RequestParam(required = false) String month, Model model, HttpServletResponse response) {
        YearMonth shown = YearMonth.now(clock.withZone(zone));
        if (month != null && !month.isBlank()) {
            YearMonth asked = parse(month);
            if (asked == null) {
                response.setStatus(400);
                model.addAttribute("monthProblem", month);
            } else {
                shown = asked;
            }
        }
        model.addAttribute("month", shown);
        model.addAttribute("previous", shown.minusMonths(1));
        model.addAttribute("next", shown.plusMonths(1));
        model.addAttribute("heading", TechnologyWatch.title(shown));
        model.addAttribute("digest", watch.digest(shown));
        model.addAttribute("failing", watch.sources().stream().filter(s -> s.failing()).count());
        return "watch/digest";
    }

    @GetMapping("/watch/digest.md")
    ResponseEntity<String> markdown(@RequestParam(required = false) String month) {
        YearMonth shown = month == null || month.isBlank() ? YearMonth.now(clock.withZone(zone)) : parse(month);
        if (shown == null) {
            return ResponseEntity.badRequest().contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
                    .body("month: \"" + month.replaceAll("[^\\x20-\\x7e]", "?") + "\" is not a month (YYYY-MM)\n");
        }
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "markdown", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("veille-" + shown + ".md").build().toString())
                .body(watch.markdown(shown, LocaleContextHolder.getLocale()));
    }

    @GetMapping("/watch/sources")
    String sources(Model model) {
        model.addAttribute("sources", watch.sources().stream().filter(s -> !"FILE".equals(s.kind())).toList());
        model.addAttribute("files", watch.sources().stream().filter(s -> "FILE".equals(s.kind())).toList());
        model.addAttribute("repository", watch.productRepository());
        model.addAttribute("zone", viewer.zone());
        return "watch/sources";
    }

    private static YearMonth parse(String month) {
        try {
            YearMonth m = YearMonth.parse(month.strip());
            return m.getYear() < 1970 || m.getYear() > 9999 ? null : m;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
