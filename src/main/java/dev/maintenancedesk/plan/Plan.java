package dev.maintenancedesk.plan;

import java.util.List;

/**
 * The maintenance plan as code. Other modules read it; only this module loads and validates it.
 * Placeholder shape, being completed by the plan module work.
 */
public record Plan(
        String name,
        List<MaintenanceType> maintenanceTypes,
        List<Label> labels,
        List<PriorityLevel> priorities,
        List<String> testsExemptLabels,
        PostmortemRule postmortem,
        List<TicketTemplate> templates) {

    public String language() {
        return "fr";
    }

    public java.util.Optional<TicketTemplate> template(String key) {
        return templates.stream().filter(t -> t.key().equals(key)).findFirst();
    }

    public boolean knowsLabel(String name) {
        return labels.stream().anyMatch(l -> l.name().equals(name));
    }
}
