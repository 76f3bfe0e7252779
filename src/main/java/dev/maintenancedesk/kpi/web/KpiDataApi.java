package dev.maintenancedesk.kpi.web;

import dev.maintenancedesk.accounts.Actor;
import dev.maintenancedesk.kpi.Coverage;
import dev.maintenancedesk.kpi.Deployments;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** What CI feeds the KPIs: deployments (JSON) and coverage reports (JaCoCo or Cobertura XML). */
@RestController
class KpiDataApi {

    private final Deployments deployments;
    private final Coverage coverage;

    KpiDataApi(Deployments deployments, Coverage coverage) {
        this.deployments = deployments;
        this.coverage = coverage;
    }

    @PostMapping(path = "/api/v1/deployments", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    Deployments.Deployment deployment(@RequestBody Deployments.NewDeployment body, Authentication auth) {
        return deployments.record(body, Actor.of(auth));
    }

    @PostMapping(path = "/api/v1/coverage", consumes = {MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE})
    @ResponseStatus(HttpStatus.CREATED)
    Coverage.Report coverage(@RequestParam(required = false) String component,
            @RequestParam(required = false) String commit, @RequestBody(required = false) byte[] report,
            Authentication auth) {
        return coverage.record(component, commit, report, Actor.of(auth));
    }
}
