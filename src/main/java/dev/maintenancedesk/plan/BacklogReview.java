package dev.maintenancedesk.plan;

import java.util.List;

/** Backlog review and prioritisation (section 9). */
public record BacklogReview(Frequency review, List<Criterion> criteria, String techDebtLabel) {

    public record Criterion(String key, Localized name) {}
}
