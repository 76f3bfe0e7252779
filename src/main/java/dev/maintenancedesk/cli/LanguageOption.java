package dev.maintenancedesk.cli;

import dev.maintenancedesk.plan.PlanRenderer;
import picocli.CommandLine.Option;

/** {@code --lang fr|en}, for the commands that write texts for people. */
final class LanguageOption {

    @Option(names = "--lang", paramLabel = "fr|en", defaultValue = "fr", description = "Language (default: fr).")
    String lang;

    /** The language asked for, one the desk speaks. */
    String get() {
        if (!PlanRenderer.LANGUAGES.contains(lang)) {
            throw new Desk.UsageException("unknown language \"" + lang + "\" for --lang (expected: "
                    + String.join(", ", PlanRenderer.LANGUAGES) + ")");
        }
        return lang;
    }
}
