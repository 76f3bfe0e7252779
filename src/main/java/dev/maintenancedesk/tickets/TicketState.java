package dev.maintenancedesk.tickets;

import java.util.Arrays;
import java.util.List;

/** The seven workflow steps of the plan (section 5) and the two side states. */
public enum TicketState {
    NEW, TRIAGED, ASSIGNED, IN_PROGRESS, IN_REVIEW, MERGED, CLOSED, WAITING, REJECTED;

    /** Still to be dealt with: neither closed nor rejected. */
    public boolean isOpen() {
        return this != CLOSED && this != REJECTED;
    }

    /** The fix is not merged yet (what keeps a P1 banner up): open and not MERGED. */
    public boolean isFixPending() {
        return isOpen() && this != MERGED;
    }

    /** States in which no SLA clock counts any more. */
    public boolean stopsClocks() {
        return this == MERGED || this == CLOSED || this == REJECTED;
    }

    public static List<TicketState> open() {
        return Arrays.stream(values()).filter(TicketState::isOpen).toList();
    }

    public static List<TicketState> fixPending() {
        return Arrays.stream(values()).filter(TicketState::isFixPending).toList();
    }
}
