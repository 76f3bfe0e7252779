package dev.maintenancedesk.backlog;

import java.util.List;

/**
 * One ticket of the ordered backlog: its rank and why, its scores (null while not given), the tickets of
 * the review it blocks and is blocked by, whether it is tech debt, and its age in days.
 */
public record BacklogItem(int rank, long number, String title, String type, boolean techDebt, Integer userValue,
        Integer technicalRisk, Integer score, RankReason reason, List<Long> blocks, List<Long> blockedBy,
        long ageDays) {

    public BacklogItem {
        blocks = List.copyOf(blocks);
        blockedBy = List.copyOf(blockedBy);
    }
}
