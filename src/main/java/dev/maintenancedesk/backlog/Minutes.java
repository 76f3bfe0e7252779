package dev.maintenancedesk.backlog;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * One month's review minutes: when it was held (null until said), who attended, the decisions, and the
 * preventive calendar's "revue backlog" ticket of that month, if one was opened.
 */
public record Minutes(YearMonth month, LocalDate heldOn, List<String> attendees, List<DecisionRecord> decisions,
        Long reviewTicket) {

    public Minutes {
        attendees = List.copyOf(attendees);
        decisions = List.copyOf(decisions);
    }

    public static Minutes empty(YearMonth month) {
        return new Minutes(month, null, List.of(), List.of(), null);
    }

    public DecisionRecord decisionFor(long ticket) {
        return decisions.stream().filter(d -> d.ticket() == ticket).findFirst().orElse(null);
    }
}
