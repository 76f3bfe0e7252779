package dev.maintenancedesk.cli;

import dev.maintenancedesk.backlog.BacklogReviews;
import dev.maintenancedesk.problem.InvalidInput;
import dev.maintenancedesk.problem.NotFound;
import java.io.PrintWriter;
import java.time.YearMonth;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "backlog", description = "The monthly backlog review.", subcommands = BacklogCommand.Minutes.class)
final class BacklogCommand {

    @Command(name = "minutes", description = {"A month's backlog review minutes as Markdown: date, attendees, "
            + "decisions, the ordered backlog with the reason of each rank, the tech-debt share.",
            "This month's so far; a past month's as recorded. Exit 2 for a month with no review."})
    static final class Minutes implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        MonthOption month;

        @Mixin
        LanguageOption language;

        @Override
        public Integer call() {
            String lang = language.get();
            YearMonth m = month.get();
            String markdown = DeskDatabase.with(BacklogReviews.class, reviews -> {
                try {
                    return reviews.minutesMarkdown(m, lang);
                } catch (NotFound e) {
                    throw new Desk.UsageException("no backlog review was recorded for " + m);
                } catch (InvalidInput e) {
                    throw new Desk.UsageException("the review of " + m + " has not been held yet");
                }
            });
            PrintWriter out = spec.commandLine().getOut();
            out.print(markdown);
            out.flush();
            return Desk.OK;
        }
    }
}
