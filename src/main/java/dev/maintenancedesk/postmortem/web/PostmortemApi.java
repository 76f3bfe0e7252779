package dev.maintenancedesk.postmortem.web;

import dev.maintenancedesk.accounts.Actor;
import dev.maintenancedesk.postmortem.ChronologyLine;
import dev.maintenancedesk.postmortem.CorrectiveAction;
import dev.maintenancedesk.postmortem.Impact;
import dev.maintenancedesk.postmortem.Postmortem;
import dev.maintenancedesk.postmortem.PostmortemFile;
import dev.maintenancedesk.postmortem.Postmortems;
import dev.maintenancedesk.postmortem.RootCause;
import dev.maintenancedesk.postmortem.RootCauses;
import dev.maintenancedesk.problem.FieldError;
import dev.maintenancedesk.problem.InvalidInput;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The post-mortem of a ticket ({@code /api/v1/tickets/{number}/postmortem}: sections, impact, chronology,
 * causes, long-term fixes, Markdown export) and the shared root causes ({@code /api/v1/root-causes}).
 */
@RestController
class PostmortemApi {

    private static final String BASE = "/api/v1/tickets/{number}/postmortem";

    private final Postmortems postmortems;
    private final RootCauses causes;

    PostmortemApi(Postmortems postmortems, RootCauses causes) {
        this.postmortems = postmortems;
        this.causes = causes;
    }

    @GetMapping(BASE)
    Postmortem get(@PathVariable long number) {
        return postmortems.get(number);
    }

    @PutMapping(BASE)
    Postmortem write(@PathVariable long number, @Valid @RequestBody Sections body, Authentication auth) {
        return postmortems.write(number, body.sections(), Actor.of(auth));
    }

    record Sections(@NotNull Map<String, String> sections) {}

    @PutMapping(BASE + "/impact")
    Postmortem impact(@PathVariable long number, @RequestBody(required = false) Impact.Input body, Authentication auth) {
        return postmortems.impact(number, body, Actor.of(auth));
    }

    @PostMapping(BASE + "/chronology")
    @ResponseStatus(HttpStatus.CREATED)
    Postmortem addLine(@PathVariable long number, @RequestBody(required = false) ChronologyLine.Input body,
            Authentication auth) {
        return postmortems.addLine(number, body, Actor.of(auth));
    }

    @PutMapping(BASE + "/chronology/{key}")
    Postmortem editLine(@PathVariable long number, @PathVariable String key,
            @RequestBody(required = false) ChronologyLine.Input body, Authentication auth) {
        return postmortems.editLine(number, key, body, Actor.of(auth));
    }

    @DeleteMapping(BASE + "/chronology/{key}")
    Postmortem removeLine(@PathVariable long number, @PathVariable String key, Authentication auth) {
        return postmortems.removeLine(number, key, Actor.of(auth));
    }

    /** Links an existing cause ({@code {"causeId": 3}}) or creates one and links it ({@code {"title", "category"}}). */
    @PostMapping(BASE + "/causes")
    @ResponseStatus(HttpStatus.CREATED)
    Postmortem.LinkedCause link(@PathVariable long number, @RequestBody(required = false) CauseLink body,
            Authentication auth) {
        if (body == null) {
            throw InvalidInput.of(FieldError.of(null, "required", "a JSON body is required"));
        }
        if (body.causeId() != null) {
            return causes.link(number, body.causeId().toString(), Actor.of(auth));
        }
        return causes.createAndLink(number, new RootCause.Input(body.title(), body.category()), Actor.of(auth));
    }

    record CauseLink(Long causeId, String title, String category) {}

    @DeleteMapping(BASE + "/causes/{causeId}")
    ResponseEntity<Void> unlink(@PathVariable long number, @PathVariable long causeId, Authentication auth) {
        causes.unlink(number, causeId, Actor.of(auth));
        return ResponseEntity.noContent().build();
    }

    @PostMapping(BASE + "/actions")
    @ResponseStatus(HttpStatus.CREATED)
    CorrectiveAction addAction(@PathVariable long number, @RequestBody(required = false) NewAction body,
            Authentication auth) {
        return postmortems.addAction(number, body == null ? null : new CorrectiveAction.Input(body.title(), body.type(),
                body.owner(), body.dueOn(), body.causeId() == null ? null : body.causeId().toString(), body.priority()),
                Actor.of(auth));
    }

    /** A long-term fix to open: {@code type} CORRECTIVE (default) or PREVENTIVE, {@code dueOn} YYYY-MM-DD. */
    record NewAction(String title, String type, String owner, String dueOn, Long causeId, String priority) {}

    /** The post-mortem as the Markdown file the plan keeps under ops/docs/postmortems. */
    @GetMapping(BASE + "/export")
    ResponseEntity<byte[]> export(@PathVariable long number) {
        PostmortemFile file = postmortems.export(number);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.fileName(), StandardCharsets.UTF_8).build().toString())
                .contentType(new MediaType("text", "markdown", StandardCharsets.UTF_8))
                .body(file.markdown().getBytes(StandardCharsets.UTF_8));
    }

    @GetMapping("/api/v1/root-causes")
    List<RootCause> list() {
        return causes.list();
    }

    @GetMapping("/api/v1/root-causes/{id}")
    RootCause cause(@PathVariable long id) {
        return causes.get(id);
    }

    @PostMapping("/api/v1/root-causes")
    @ResponseStatus(HttpStatus.CREATED)
    RootCause create(@RequestBody(required = false) RootCause.Input body, Authentication auth) {
        return causes.create(body, Actor.of(auth));
    }
}
