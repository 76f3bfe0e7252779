package dev.maintenancedesk.cli;

import dev.maintenancedesk.kpi.Conformance;
import java.io.PrintWriter;
import java.time.YearMonth;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code desk report conformance --month YYYY-MM [--lang fr|en]}: the plan-conformance report in Markdown. */
@Command(name = "report", description = "Reports for the monthly review.",
        subcommands = ReportCommand.ConformanceReport.class)
final class ReportCommand {

    @Command(name = "conformance", description = {"The plan-conformance report of a month (Markdown): each rule "
            + "of the plan next to how the team kept it, with its sample size n.",
            "Reads DESK_DATABASE_URL like the server."})
    static final class ConformanceReport implements Callable<Integer> {

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
            String markdown = DeskDatabase.with(Conformance.class, c -> c.markdown(m, Locale.forLanguageTag(lang)));
            PrintWriter out = spec.commandLine().getOut();
            out.print(markdown);
            out.flush();
            return Desk.OK;
        }
    }
}
