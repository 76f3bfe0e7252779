package dev.maintenancedesk.cli;

import picocli.CommandLine.Command;

@Command(name = "plan", description = "Validate or render the maintenance plan.")
final class PlanCommand {
}
