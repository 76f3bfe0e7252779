package dev.maintenancedesk.kpi;

import java.math.BigDecimal;
import java.util.Map;

/**
 * One measured figure: which KPI, for which period, over how many samples ({@code n}), its value in
 * {@code unit}, the plan's target as written and whether it was met. {@code n = 0} is always
 * {@link Status#NO_DATA}, never met. {@code details} carries the figure's other statistics (median,
 * p90, wall-clock, the DORA bucket, per-component coverage …).
 */
public record Figure(String key, String period, long n, BigDecimal value, String unit, String target,
        Status status, Map<String, Object> details) {

    /** Met, not met, no samples, or measured against no target (the plan sets none for it). */
    public enum Status { MET, NOT_MET, NO_DATA, NO_TARGET }
}
