package dev.maintenancedesk.cli;

import dev.maintenancedesk.plan.InvalidPlanException;
import dev.maintenancedesk.plan.Plan;
import dev.maintenancedesk.plan.PlanLoader;
import dev.maintenancedesk.plan.PlanRenderer;
import dev.maintenancedesk.plan.PlanUnreadableException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
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

    /** Loads the plan, printing its problems (exit 1) or naming the unreadable file (exit 2). */
    static Plan load(Path file, PrintWriter out, PrintWriter err) {
        try {
            return PlanLoader.loadOrDefault(file);
        } catch (PlanUnreadableException e) {
            throw new Desk.UsageException(e.getMessage());
        } catch (InvalidPlanException e) {
            e.problems().forEach(out::println);
            err.println("desk: invalid plan " + source(file) + " (" + e.problems().size() + " problem"
                    + (e.problems().size() == 1 ? "" : "s") + ")");
            return null;
        }
    }

    static String source(Path file) {
        return file == null ? "classpath:" + PlanLoader.DEFAULT_PLAN : file.toString();
    }

    @Command(name = "validate", description = "Check a plan file (default: the built-in CESIZen plan); "
            + "prints one line per problem, naming its path.")
    static final class Validate implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--plan", paramLabel = "FILE", description = "Plan file (YAML); default: the built-in plan.")
        Path plan;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            Plan loaded = load(plan, out, spec.commandLine().getErr());
            if (loaded == null) {
                return Desk.CHECK_FAILED;
            }
            out.println("plan OK: " + loaded.name() + " (" + source(plan) + ")");
            return Desk.OK;
        }
    }

    @Command(name = "render", description = "Write the plan as a Markdown document on stdout.")
    static final class Render implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--plan", paramLabel = "FILE", description = "Plan file (YAML); default: the built-in plan.")
        Path plan;

        @Option(names = "--lang", paramLabel = "fr|en", defaultValue = "fr", description = "Language (default: fr).")
        String lang;

        @Override
        public Integer call() {
            if (!PlanRenderer.LANGUAGES.contains(lang)) {
                throw new Desk.UsageException("unknown language \"" + lang + "\" for --lang (expected: fr, en)");
            }
            PrintWriter out = spec.commandLine().getOut();
            Plan loaded = load(plan, out, spec.commandLine().getErr());
            if (loaded == null) {
                return Desk.CHECK_FAILED;
            }
            out.print(PlanRenderer.render(loaded, lang));
            out.flush();
            return Desk.OK;
        }
    }
}
