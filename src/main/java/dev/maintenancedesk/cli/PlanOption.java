package dev.maintenancedesk.cli;

import dev.maintenancedesk.plan.InvalidPlanException;
import dev.maintenancedesk.plan.Plan;
import dev.maintenancedesk.plan.PlanLoader;
import dev.maintenancedesk.plan.PlanUnreadableException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --plan FILE}, for every command that reads the plan. */
final class PlanOption {

    @Option(names = "--plan", paramLabel = "FILE", description = "Plan file (YAML); default: the built-in plan.")
    Path file;

    /**
     * The plan, for commands that use it rather than check it: an invalid plan is bad input like an
     * unreadable one (exit 2, one line); only {@code plan validate} lists every problem (exit 1).
     */
    Plan load() {
        try {
            return PlanLoader.loadOrDefault(file);
        } catch (PlanUnreadableException e) {
            throw new Desk.UsageException(e.getMessage());
        } catch (InvalidPlanException e) {
            throw invalid(e.problems().get(0) + (e.problems().size() > 1 ? " (and " + (e.problems().size() - 1)
                    + " more; see desk plan validate)" : ""));
        }
    }

    /** A usage error saying the plan is invalid and why. */
    Desk.UsageException invalid(String why) {
        return new Desk.UsageException("invalid plan " + source() + ": " + why);
    }

    /** Where the plan comes from, as messages name it. */
    String source() {
        return file == null ? "classpath:" + PlanLoader.DEFAULT_PLAN : file.toString();
    }
}
