package dev.maintenancedesk.postmortem;

/** An exported post-mortem: its file name ({@code YYYY-MM-DD-<slug>.md}, the incident's start date) and Markdown. */
public record PostmortemFile(String fileName, String markdown) {

    /** Where the plan keeps post-mortems, relative to the repository (procedures live in /ops/docs). */
    public static final String DIRECTORY = "ops/docs/postmortems";
}
