package dev.maintenancedesk.plan;

import java.util.List;

/**
 * Backlog review and prioritisation (section 9). {@code score} is how a ticket's user value and technical
 * risk (each 1–5) make its score, which orders the backlog once dependencies are respected.
 */
public record BacklogReview(Frequency review, List<Criterion> criteria, String techDebtLabel, ScoreFormula score) {

    public BacklogReview(Frequency review, List<Criterion> criteria, String techDebtLabel) {
        this(review, criteria, techDebtLabel, ScoreFormula.VALUE_TIMES_RISK);
    }

    public record Criterion(String key, Localized name) {}

    /** {@code value_times_risk} (1–25, the default) or {@code value_plus_risk} (2–10). */
    public enum ScoreFormula {
        VALUE_TIMES_RISK, VALUE_PLUS_RISK;

        public int apply(int value, int risk) {
            return this == VALUE_TIMES_RISK ? value * risk : value + risk;
        }
    }
}
