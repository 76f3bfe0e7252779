package dev.maintenancedesk.github;

import java.time.Instant;

/** GitHub reported a deployment's status ({@code deployment_status}): what the KPIs (DORA) count. */
public record DeploymentReported(String environment, String sha, String state, Instant at, String url) {}
