package dev.maintenancedesk.plan;

import java.util.List;
import java.util.Optional;

/**
 * The maintenance plan as code, one component per section of the seed plan (plus the business
 * calendar and the creation templates the seed leaves open). Other modules read it; only this
 * module loads and validates it ({@link PlanLoader}).
 */
public record Plan(
        String name,
        Localized objectives,
        List<MaintenanceType> maintenanceTypes,
        Ticketing ticketing,
        List<Label> labels,
        List<PriorityLevel> priorities,
        SlaPolicy sla,
        CalendarSettings calendar,
        Workflow workflow,
        ChangeManagement changeManagement,
        List<ReleaseCadence> releaseCalendar,
        List<Kpi> kpis,
        BacklogReview backlog,
        DocumentationRules documentation,
        List<PreventiveAction> preventive,
        Watch watch,
        DeprecationPolicy deprecation,
        PostmortemRule postmortem,
        List<Localized> futureImprovements,
        List<TicketTemplate> templates,
        List<Team> teams,
        GitHubSync github) {

    /** The language the plan is written in; ticket texts built from templates use it. */
    public String language() {
        return "fr";
    }

    public Optional<Team> team(String key) {
        return teams.stream().filter(t -> t.key().equals(key)).findFirst();
    }

    /** The calendar a team's clocks run on: its own, else the plan's (also for tickets without a team). */
    public CalendarSettings calendarOf(String team) {
        return team == null ? calendar : team(team).map(Team::calendar).filter(c -> c != null).orElse(calendar);
    }

    public boolean knowsLabel(String name) {
        return labels.stream().anyMatch(l -> l.name().equals(name));
    }

    /** Labels whose tickets need no test evidence before review (e.g. documentation-only). */
    public List<String> testsExemptLabels() {
        return workflow.testsExemptLabels();
    }

    public Optional<TicketTemplate> template(String key) {
        return templates.stream().filter(t -> t.key().equals(key)).findFirst();
    }

    public Optional<Label> label(String name) {
        return labels.stream().filter(l -> l.name().equals(name)).findFirst();
    }

    public PriorityLevel priority(Priority key) {
        return priorities.stream().filter(p -> p.key() == key).findFirst().orElseThrow();
    }

    public Optional<ReleaseCadence> release(ReleaseTag tag) {
        return releaseCalendar.stream().filter(r -> r.tag() == tag).findFirst();
    }

    /** Whether closing a ticket with this priority and these labels needs a post-mortem (section 14). */
    public boolean needsPostmortem(Priority priority, List<String> ticketLabels) {
        return (priority != null && postmortem.priorities().contains(priority))
                || ticketLabels.stream().anyMatch(postmortem.labels()::contains);
    }
}
