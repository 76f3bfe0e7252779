package dev.maintenancedesk.releases.web;

import dev.maintenancedesk.calendar.ReleaseWindow;
import dev.maintenancedesk.plan.Texts;
import dev.maintenancedesk.problem.InvalidInput;
import dev.maintenancedesk.releases.ReleaseNotes;
import dev.maintenancedesk.releases.RepositoryReleases;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/releases[?lang=fr|en]}: the released versions of the repository of
 * {@code desk.releases.repository}, newest first, with their notes in Markdown, and the next release.
 * Unset setting: 200 with {@code "configured": false} and no release. Set but unreadable (missing path, not
 * a git repository, no commit): 503 problem+json whose {@code detail} says why.
 */
@RestController
class ReleasesApi {

    record WindowResource(LocalDate date, String kind) {
        static WindowResource of(ReleaseWindow w) {
            return w == null ? null : new WindowResource(w.date(), w.kind().name());
        }
    }

    record ReleaseResource(String version, String tag, LocalDate date, String notes) {}

    record NextResource(String current, String next, String bump, WindowResource window, List<String> heldBack,
            WindowResource heldBackUntil) {}

    record ReleasesResource(boolean configured, String lang, List<ReleaseResource> releases, NextResource next) {}

    private final RepositoryReleases repository;

    ReleasesApi(RepositoryReleases repository) {
        this.repository = repository;
    }

    @GetMapping("/api/v1/releases")
    ReleasesResource releases(@RequestParam(required = false) String lang) {
        String language = lang == null ? Texts.languageOf(LocaleContextHolder.getLocale()) : lang;
        if (!ReleaseNotes.LANGUAGES.contains(language)) {
            throw InvalidInput.of("lang", "\"" + language + "\" is not one of fr, en");
        }
        RepositoryReleases.Snapshot s = repository.snapshot(language);
        if (s.problem() != null) {
            // not a refusal of the request (the problem types' business) but the server's own setting at fault
            ProblemDetail detail = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                    "desk.releases.repository: " + s.problem());
            detail.setType(URI.create("/problems/releases-repository-unavailable"));
            detail.setTitle("Releases repository unavailable");
            throw new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE, detail, null);
        }
        List<ReleaseResource> releases = s.releases().stream()
                .map(r -> new ReleaseResource(r.version(), r.tag(), r.date(), r.notes())).toList();
        RepositoryReleases.NextEntry n = s.next();
        NextResource next = n == null ? null : new NextResource(n.current(), n.next(), n.bump(),
                WindowResource.of(n.window()), n.heldBack(), WindowResource.of(n.heldBackUntil()));
        return new ReleasesResource(s.configured(), language, releases, next);
    }
}
