package dev.maintenancedesk.backlog;

import java.util.List;

/**
 * Why a ticket has its rank: it blocks tickets ranked after it ({@code BLOCKS}, {@code tickets}), its score
 * ({@code SCORE}), its score tied with a neighbour's and the older goes first ({@code TIE_OLDER},
 * {@code TIE_NEWER}), or no score yet ({@code UNSCORED}, oldest first).
 */
public record RankReason(Code code, Integer score, List<Long> tickets) {

    public RankReason {
        tickets = tickets == null ? List.of() : List.copyOf(tickets);
    }

    public enum Code { BLOCKS, SCORE, TIE_OLDER, TIE_NEWER, UNSCORED }
}
