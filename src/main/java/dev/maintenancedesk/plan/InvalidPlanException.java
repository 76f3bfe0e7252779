package dev.maintenancedesk.plan;

import java.util.List;

/** The plan was read but is wrong; {@link #problems()} holds one line per problem, each naming its path. */
public final class InvalidPlanException extends RuntimeException {

    private final List<String> problems;

    public InvalidPlanException(String source, List<String> problems) {
        super("invalid maintenance plan " + source + " (" + problems.size() + " problem"
                + (problems.size() == 1 ? "" : "s") + "):\n" + String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
