package dev.maintenancedesk.backlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.maintenancedesk.backlog.BacklogOrder.Ranked;
import dev.maintenancedesk.backlog.RankReason.Code;
import dev.maintenancedesk.plan.BacklogReview.ScoreFormula;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The review's order without Spring: dependencies first, then score, then the older ticket. */
class BacklogOrderTest {

    private static final Instant T0 = Instant.parse("2026-01-01T09:00:00Z");

    private final BacklogOrder order = new BacklogOrder(ScoreFormula.VALUE_TIMES_RISK);

    private static Candidate ticket(long number, int dayOpened, Integer value, Integer risk, Long... blocks) {
        return new Candidate(number, T0.plusSeconds(86_400L * dayOpened), value, risk, Set.of(blocks));
    }

    private static List<Long> numbers(List<Ranked> ranked) {
        return ranked.stream().map(r -> r.ticket().number()).toList();
    }

    private static RankReason reasonOf(List<Ranked> ranked, long number) {
        return ranked.stream().filter(r -> r.ticket().number() == number).findFirst().orElseThrow().reason();
    }

    @Test
    void highestScoreFirstWithTheScoreAsTheReason() {
        List<Ranked> ranked = order.rank(List.of(ticket(1, 0, 2, 2), ticket(2, 1, 5, 4), ticket(3, 2, 3, 3)));
        assertThat(numbers(ranked)).containsExactly(2L, 3L, 1L);
        assertThat(ranked.getFirst().score()).isEqualTo(20);
        assertThat(ranked.getFirst().rank()).isEqualTo(1);
        assertThat(reasonOf(ranked, 2)).isEqualTo(new RankReason(Code.SCORE, 20, List.of()));
    }

    @Test
    void theSumFormulaChangesTheScores() {
        List<Ranked> ranked = new BacklogOrder(ScoreFormula.VALUE_PLUS_RISK)
                .rank(List.of(ticket(1, 0, 5, 1), ticket(2, 1, 3, 2)));
        // 5 × 1 = 5 < 3 × 2 = 6 by product; 5 + 1 = 6 > 3 + 2 = 5 by sum
        assertThat(numbers(ranked)).containsExactly(1L, 2L);
        assertThat(ranked.getFirst().score()).isEqualTo(6);
        assertThat(numbers(order.rank(List.of(ticket(1, 0, 5, 1), ticket(2, 1, 3, 2))))).containsExactly(2L, 1L);
    }

    @Test
    void aBlockerComesBeforeWhatItBlocksAndSaysSoEvenWithALowScore() {
        // #15 (score 20) is blocked by #12 (score 1); #20 (score 9) blocks nothing
        List<Ranked> ranked = order.rank(List.of(ticket(12, 5, 1, 1, 15L), ticket(15, 0, 5, 4), ticket(20, 1, 3, 3)));
        assertThat(numbers(ranked)).containsExactly(12L, 15L, 20L);
        assertThat(reasonOf(ranked, 12)).isEqualTo(new RankReason(Code.BLOCKS, 1, List.of(15L)));
        assertThat(reasonOf(ranked, 15).code()).isEqualTo(Code.SCORE);
    }

    @Test
    void aChainOfBlockersKeepsItsOrderAndAHigherScoredBlockerSaysItsScore() {
        // #1 blocks #2 which blocks #3; #1 scores more than what it blocks: its reason is its score
        List<Ranked> ranked = order.rank(List.of(ticket(3, 0, 5, 5), ticket(2, 1, 1, 1, 3L), ticket(1, 2, 5, 5, 2L),
                ticket(4, 3, 4, 4)));
        assertThat(numbers(ranked)).containsExactly(1L, 2L, 3L, 4L);
        assertThat(reasonOf(ranked, 2)).isEqualTo(new RankReason(Code.BLOCKS, 1, List.of(3L)));
        assertThat(reasonOf(ranked, 1).code()).isIn(Code.TIE_OLDER, Code.SCORE);
    }

    @Test
    void tiesGoToTheOlderTicketThenTheLowerNumber() {
        List<Ranked> ranked = order.rank(List.of(ticket(7, 3, 4, 3), ticket(9, 1, 3, 4), ticket(8, 1, 2, 6 / 2)));
        // #9 and #7 both score 12: #9 opened on day 1, before #7 (day 3); #8 scores 6
        assertThat(numbers(ranked)).containsExactly(9L, 7L, 8L);
        assertThat(reasonOf(ranked, 9)).isEqualTo(new RankReason(Code.TIE_OLDER, 12, List.of(7L)));
        assertThat(reasonOf(ranked, 7)).isEqualTo(new RankReason(Code.TIE_NEWER, 12, List.of(9L)));
        List<Ranked> sameDay = order.rank(List.of(ticket(31, 2, 2, 2), ticket(30, 2, 2, 2)));
        assertThat(numbers(sameDay)).containsExactly(30L, 31L);
    }

    @Test
    void unscoredTicketsComeLastOldestFirst() {
        List<Ranked> ranked = order.rank(List.of(ticket(1, 0, null, 3), ticket(2, 1, 1, 1), ticket(3, 0, null, null)));
        assertThat(numbers(ranked)).containsExactly(2L, 1L, 3L);
        assertThat(reasonOf(ranked, 1).code()).isEqualTo(Code.UNSCORED);
        assertThat(ranked.get(1).score()).isNull();
    }

    @Test
    void theOrderDoesNotDependOnTheInputOrder() {
        List<Candidate> tickets = List.of(ticket(1, 0, 2, 2), ticket(2, 0, 2, 2, 1L), ticket(3, 4, 5, 5),
                ticket(4, 2, 1, 3, 3L), ticket(5, 1, null, null));
        List<Long> expected = numbers(order.rank(tickets));
        assertThat(numbers(order.rank(tickets.reversed()))).isEqualTo(expected);
        assertThat(expected).containsExactly(4L, 3L, 2L, 1L, 5L);
    }

    @Test
    void dependenciesOutsideTheScopeAreIgnored() {
        List<Ranked> ranked = order.rank(List.of(ticket(1, 0, 1, 1, 99L), ticket(2, 0, 2, 2)));
        assertThat(numbers(ranked)).containsExactly(2L, 1L);
    }

    @Test
    void aCycleIsRefusedNamingItsTicketsBlockerFirst() {
        List<Candidate> tickets = List.of(ticket(12, 0, 3, 3, 15L), ticket(15, 1, 2, 2, 12L), ticket(20, 2, 5, 5));
        assertThatThrownBy(() -> order.rank(tickets))
                .isInstanceOfSatisfying(DependencyCycle.class, c -> {
                    assertThat(c.path()).containsExactly(12L, 15L, 12L);
                    assertThat(DependencyCycle.text(c.path())).isEqualTo("#12 → #15 → #12");
                });
        // a longer cycle behind a ticket that is not on it: only the cycle is named
        List<Candidate> longer = List.of(ticket(1, 0, 1, 1, 2L), ticket(2, 0, 1, 1, 3L), ticket(3, 0, 1, 1, 4L),
                ticket(4, 0, 1, 1, 2L));
        assertThatThrownBy(() -> order.rank(longer)).isInstanceOfSatisfying(DependencyCycle.class,
                c -> assertThat(c.path()).containsExactly(2L, 3L, 4L, 2L));
        // while it stands, the scope is still listed, by score alone
        assertThat(numbers(order.rankIgnoringDependencies(tickets))).containsExactly(20L, 12L, 15L);
    }

    @Test
    void aTicketBlockingItselfIsACycleOfOne() {
        assertThatThrownBy(() -> order.rank(List.of(ticket(5, 0, 1, 1, 5L))))
                .isInstanceOfSatisfying(DependencyCycle.class, c -> assertThat(c.path()).containsExactly(5L, 5L));
    }

    @Test
    void theTechDebtShareCountsAndAgesTheDebt() {
        List<BacklogItem> items = List.of(item(1, true, 10), item(2, false, 3), item(3, true, 30), item(4, true, 2),
                item(5, false, 1));
        assertThat(BacklogReviews.share(items)).isEqualTo(new TechDebtShare(3, 5, 60, 10L, 30L));
        assertThat(BacklogReviews.share(List.of(item(1, true, 4), item(2, true, 9), item(3, false, 1))))
                .isEqualTo(new TechDebtShare(2, 3, 67, 7L, 9L));
        assertThat(BacklogReviews.share(List.of())).isEqualTo(new TechDebtShare(0, 0, 0, null, null));
    }

    private static BacklogItem item(long number, boolean debt, long age) {
        return new BacklogItem((int) number, number, "t" + number, "EVOLUTIVE", debt, null, null, null,
                new RankReason(Code.UNSCORED, null, List.of()), List.of(), List.of(), age);
    }
}
