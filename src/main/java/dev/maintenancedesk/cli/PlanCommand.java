package dev.maintenancedesk.cli;

import dev.maintenancedesk.plan.InvalidPlanException;
import dev.maintenancedesk.plan.Plan;
import dev.maintenancedesk.plan.PlanLoader;
import dev.maintenancedesk.plan.PlanRenderer;
import dev.maintenancedesk.plan.PlanUnreadableException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "plan", description = "Validate or render the maintenance plan.",
        subcommands = {PlanCommand.Validate.class, PlanCommand.Render.class})
final class PlanCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing subcommand (validate or render)");
    }

    @Command(name = "validate", description = "Check a plan file (default: the built-in CESIZen plan); "
            + "prints one line per problem, naming its path.")
    static final class Validate implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        PlanOption plan;

        /** The one command for which an invalid plan is the answer, not bad input: every problem, exit 1. */
        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            Plan loaded;
            try {
                loaded = PlanLoader.loadOrDefault(plan.file);
            } catch (PlanUnreadableException e) {
                throw new Desk.UsageException(e.getMessage());
            } catch (InvalidPlanException e) {
                e.problems().forEach(out::println);
                out.flush();
                spec.commandLine().getErr().println("desk: invalid plan " + plan.source() + " (" + e.problems().size()
                        + " problem" + (e.problems().size() == 1 ? "" : "s") + ")");
                return Desk.CHECK_FAILED;
            }
            out.println("plan OK: " + loaded.name() + " (" + plan.source() + ")");
            return Desk.OK;
        }
    }

    @Command(name = "render", description = "Write the plan as a Markdown document on stdout.")
    static final class Render implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        PlanOption plan;

        @Mixin
        LanguageOption language;

        @Override
        public Integer call() {
            String lang = language.get();
            PrintWriter out = spec.commandLine().getOut();
            out.print(PlanRenderer.render(plan.load(), lang));
            out.flush();
            return Desk.OK;
        }
    }
}
