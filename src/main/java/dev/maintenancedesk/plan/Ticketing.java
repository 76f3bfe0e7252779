package dev.maintenancedesk.plan;

import java.util.List;

/**
 * The ticketing tool (section 3) and the labels that section lists; the plan's other labels
 * ({@code tech-debt}, {@code veille}, {@code deprecated}) come from later sections.
 */
public record Ticketing(String tool, List<String> labels) {}
