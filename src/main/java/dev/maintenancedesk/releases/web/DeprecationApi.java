package dev.maintenancedesk.releases.web;

import dev.maintenancedesk.accounts.Actor;
import dev.maintenancedesk.releases.Deprecation;
import dev.maintenancedesk.releases.DeprecationRegistry;
import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The deprecation registry: anyone signed in reads it, a lead or admin registers. */
@RestController
class DeprecationApi {

    record NewDeprecation(String key, String description, String announcedIn) {}

    /** Versions as "X.Y.Z" strings, as they are written in tags and footers. */
    record DeprecationResource(String key, String description, String announcedIn, String earliestRemoval,
            LocalDate earliestRemovalDate, String announcedBy, OffsetDateTime announcedAt) {

        static DeprecationResource of(Deprecation d) {
            return new DeprecationResource(d.key(), d.description(), d.announcedIn().toString(),
                    d.earliestRemoval().toString(), d.earliestRemovalDate(), d.announcedBy(), d.announcedAt());
        }
    }

    private final DeprecationRegistry registry;

    DeprecationApi(DeprecationRegistry registry) {
        this.registry = registry;
    }

    @GetMapping("/api/v1/deprecations")
    List<DeprecationResource> list() {
        return registry.list().stream().map(DeprecationResource::of).toList();
    }

    @PostMapping("/api/v1/deprecations")
    ResponseEntity<DeprecationResource> register(@RequestBody NewDeprecation body, Authentication auth) {
        Deprecation d = registry.register(body.key(), body.description(), body.announcedIn(), Actor.of(auth));
        return ResponseEntity.created(URI.create("/api/v1/deprecations")).body(DeprecationResource.of(d));
    }
}
