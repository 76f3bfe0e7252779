package dev.maintenancedesk.plan;

import java.util.List;

/** The ticket workflow of section 5, in order, and the labels exempt from test evidence. */
public record Workflow(List<WorkflowStep> steps, List<String> testsExemptLabels) {

    /** One step; {@code state} is the ticket state reached by the step (NEW, TRIAGED, …). */
    public record WorkflowStep(String state, Localized name, Localized detail) {}
}
