package dev.maintenancedesk.kpi;

import dev.maintenancedesk.accounts.Actor;
import dev.maintenancedesk.github.DeploymentReported;
import java.time.ZoneOffset;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * GitHub's {@code deployment_status} feeds the deployment KPIs and DORA like {@code POST /api/v1/deployments}:
 * a success is a successful deployment, a failure or an error a failed one; the other states (queued,
 * in progress, inactive…) are not outcomes and count nothing.
 */
@Component
class GitHubDeployments {

    private final Deployments deployments;

    GitHubDeployments(Deployments deployments) {
        this.deployments = deployments;
    }

    @ApplicationModuleListener
    void on(DeploymentReported reported) {
        String status = switch (reported.state() == null ? "" : reported.state()) {
            case "success" -> "success";
            case "failure", "error" -> "failure";
            default -> null;
        };
        if (status == null || reported.at() == null) {
            return;
        }
        var at = reported.at().atOffset(ZoneOffset.UTC);
        deployments.record(new Deployments.NewDeployment(reported.environment(), null, reported.sha(), status, at, at,
                null, reported.url()), Actor.automation("github"));
    }
}
