package dev.maintenancedesk.github;

import static dev.maintenancedesk.github.GitHubPayloads.REPOSITORY;

import dev.maintenancedesk.DeskTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * One application for the tests that talk to the GitHub stand-in (the outbox, pull requests, releases,
 * import): the worker and the dispatcher are driven by the tests, no background thread, no sweep.
 */
@DeskTest
@TestPropertySource(properties = {"DESK_GITHUB_WEBHOOK_SECRET=" + GitHubPayloads.SECRET,
        "DESK_GITHUB_REPOSITORY=" + REPOSITORY, "DESK_GITHUB_TOKEN=ghp_outbox_test",
        "DESK_PUBLIC_URL=https://desk.example.test", "desk.github.worker.enabled=false",
        "desk.github.outbox.enabled=false", "db-scheduler.enabled=false"})
abstract class GitHubApiContext {

    /** Shared by every class of this context (the context, and its API URL, outlive one class). */
    static final GitHubStub STUB = new GitHubStub().withDefaults();

    @DynamicPropertySource
    static void github(DynamicPropertyRegistry registry) {
        registry.add("DESK_GITHUB_API_URL", STUB::url);
    }
}
