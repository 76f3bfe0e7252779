package dev.maintenancedesk.postmortem.web;

import dev.maintenancedesk.accounts.Actor;
import dev.maintenancedesk.postmortem.Postmortem;
import dev.maintenancedesk.postmortem.Postmortems;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/tickets/{number}/postmortem")
class PostmortemApi {

    private final Postmortems postmortems;

    PostmortemApi(Postmortems postmortems) {
        this.postmortems = postmortems;
    }

    @GetMapping
    Postmortem get(@PathVariable long number) {
        return postmortems.get(number);
    }

    @PutMapping
    Postmortem write(@PathVariable long number, @Valid @RequestBody Sections body, Authentication auth) {
        return postmortems.write(number, body.sections(), Actor.of(auth));
    }

    record Sections(@NotNull Map<String, String> sections) {}
}
