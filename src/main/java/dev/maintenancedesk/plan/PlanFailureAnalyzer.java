package dev.maintenancedesk.plan;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;

/** Turns a refused plan into Spring Boot's start-up report: the problem lines, not a stack trace. */
class PlanFailureAnalyzer implements FailureAnalyzer {

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof InvalidPlanException invalid) {
                return new FailureAnalysis(invalid.getMessage(), "Fix these lines of the plan (check with: "
                        + "desk plan validate --plan FILE), or unset DESK_PLAN to run on the built-in plan.", invalid);
            }
            if (t instanceof PlanUnreadableException unreadable) {
                return new FailureAnalysis(unreadable.getMessage(), "Point DESK_PLAN at a readable plan file.", unreadable);
            }
        }
        return null;
    }
}
