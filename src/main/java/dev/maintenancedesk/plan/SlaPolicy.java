package dev.maintenancedesk.plan;

import java.util.List;

/** The SLA table (section 4) and how the clocks behave around it. */
public record SlaPolicy(List<SlaTargets> targets, double atRiskThreshold, PriorityChange priorityChange) {

    public SlaTargets targets(Priority priority) {
        return targets.stream().filter(t -> t.priority() == priority).findFirst().orElseThrow();
    }

    /** Take-charge and resolution targets of one priority. */
    public record SlaTargets(Priority priority, SlaTarget takeCharge, SlaTarget resolution) {}

    /** What a priority change does to running clocks. */
    public enum PriorityChange {
        /** Targets are recomputed from creation (RT, Zammad, GLPI, Jira): a ticket may be breached at once. */
        RECOMPUTE,
        /** Clocks restart at the change. */
        RESTART_AT_CHANGE
    }
}
