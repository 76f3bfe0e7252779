package dev.maintenancedesk.plan;

/** A text of the plan in French (the plan's language) and English. */
public record Localized(String fr, String en) {

    public String in(String language) {
        return "en".equalsIgnoreCase(language) && en != null && !en.isBlank() ? en : fr;
    }
}
