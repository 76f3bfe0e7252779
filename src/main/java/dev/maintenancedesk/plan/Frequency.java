package dev.maintenancedesk.plan;

/** How often something recurs in the plan (reviews, releases, preventive actions, watch). */
public enum Frequency {
    WEEKLY(new Localized("Hebdomadaire", "Weekly"), new Localized("Hebdo", "Weekly")),
    MONTHLY(new Localized("Mensuelle", "Monthly"), new Localized("Mensuel", "Monthly")),
    QUARTERLY(new Localized("Trimestrielle", "Quarterly"), new Localized("Trimestriel", "Quarterly")),
    SEMIANNUAL(new Localized("Semestrielle", "Half-yearly"), new Localized("Semestriel", "Half-yearly")),
    ANNUAL(new Localized("Annuelle", "Yearly"), new Localized("Annuel", "Yearly"));

    private final Localized feminine;
    private final Localized masculine;

    // French adjectives agree in gender: "action mensuelle" but "calendrier mensuel".
    Frequency(Localized feminine, Localized masculine) {
        this.feminine = feminine;
        this.masculine = masculine;
    }

    public Localized feminine() {
        return feminine;
    }

    public Localized masculine() {
        return masculine;
    }
}
