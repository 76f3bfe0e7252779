package dev.maintenancedesk.releases.web;

import dev.maintenancedesk.plan.Plan;
import dev.maintenancedesk.problem.InvalidInput;
import dev.maintenancedesk.releases.CommitLinter;
import dev.maintenancedesk.releases.LintProblem;
import java.util.List;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Lints a commit message or pull-request title: {@code {"message":"…"}} → {@code {"valid":…,"errors":[…]}}. */
@RestController
class CommitLintController {

    record LintRequest(String message) {}

    record LintResponse(boolean valid, List<String> errors) {}

    private final CommitLinter linter;

    CommitLintController(Plan plan) {
        this.linter = new CommitLinter(plan.changeManagement());
    }

    @PostMapping("/api/v1/commits/lint")
    LintResponse lint(@RequestBody LintRequest request) {
        if (request == null || request.message() == null) {
            throw InvalidInput.of("message", "required");
        }
        List<String> errors = linter.lint(request.message()).stream().map(LintProblem::toString).toList();
        return new LintResponse(errors.isEmpty(), errors);
    }
}
