package dev.maintenancedesk.sla;

/**
 * Both clocks of a ticket as its history gives them ({@link SlaCalculator#project}): valid at any
 * instant from {@code historyAt}, the last change of the history it was computed from, until the next.
 */
record Projection(String priority, ClockFigures takeCharge, ClockFigures resolution, java.time.Instant historyAt) {}
