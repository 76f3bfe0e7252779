package dev.maintenancedesk.plan;

/** Documentation rules (section 10); the paths they apply to are in {@link ChangeManagement}. */
public record DocumentationRules(boolean apiChangeRequiresDocs, boolean apiChangeRequiresChangelog,
        String proceduresDir) {}
