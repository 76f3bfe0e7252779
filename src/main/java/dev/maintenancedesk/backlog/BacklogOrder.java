package dev.maintenancedesk.backlog;

import dev.maintenancedesk.plan.BacklogReview.ScoreFormula;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The order of the backlog review, without Spring nor a database: a blocker before what it blocks
 * (topological order), then the highest score, then the older ticket (then the lower number).
 * <p>
 * A blocker is worth what it unblocks: its place among the tickets ready at the same time is that of
 * the best score among itself and everything it blocks, directly or not. So a low-value ticket that blocks
 * the most valuable one comes first, and says why ("bloque #15"). A ticket without both scores counts
 * below every scored one. Dependencies outside the scope are not followed.
 */
final class BacklogOrder {

    /** One ranked ticket: {@code rank} from 1, {@code score} null while not scored. */
    record Ranked(Candidate ticket, int rank, Integer score, RankReason reason) {}

    private static final int UNSCORED = -1;

    private final ScoreFormula formula;

    BacklogOrder(ScoreFormula formula) {
        this.formula = formula;
    }

    Integer score(Integer value, Integer risk) {
        return value == null || risk == null ? null : formula.apply(value, risk);
    }

    /** The ranked tickets; a cycle among the scope's dependencies is refused, naming it. */
    List<Ranked> rank(Collection<Candidate> candidates) throws DependencyCycle {
        return order(candidates, true);
    }

    /** The order by score alone, for a scope whose dependencies go round (shown while the cycle is broken). */
    List<Ranked> rankIgnoringDependencies(Collection<Candidate> candidates) {
        return order(candidates, false);
    }

    private List<Ranked> order(Collection<Candidate> candidates, boolean dependencies) {
        Map<Long, Candidate> tickets = new TreeMap<>();
        candidates.forEach(c -> tickets.put(c.number(), c));
        Map<Long, Set<Long>> blocks = new TreeMap<>();
        Map<Long, Set<Long>> blockedBy = new TreeMap<>();
        tickets.keySet().forEach(n -> {
            blocks.put(n, new TreeSet<>());
            blockedBy.put(n, new TreeSet<>());
        });
        if (dependencies) {
            for (Candidate c : tickets.values()) {
                for (long other : c.blocks()) {
                    if (tickets.containsKey(other)) {
                        blocks.get(c.number()).add(other);
                        blockedBy.get(other).add(c.number());
                    }
                }
            }
        }
        List<Long> topological = topological(blocks, blockedBy);

        Map<Long, Integer> own = new HashMap<>();
        tickets.values().forEach(c -> own.put(c.number(), Objects.requireNonNullElse(score(c.value(), c.risk()), UNSCORED)));
        Map<Long, Integer> effective = new HashMap<>();
        for (long n : topological.reversed()) {
            int best = own.get(n);
            for (long blocked : blocks.get(n)) {
                best = Math.max(best, effective.get(blocked));
            }
            effective.put(n, best);
        }

        Comparator<Long> first = Comparator.<Long>comparingInt(n -> -effective.get(n))
                .thenComparingInt(n -> -own.get(n))
                .thenComparing(n -> tickets.get(n).createdAt())
                .thenComparingLong(n -> n);
        PriorityQueue<Long> ready = new PriorityQueue<>(first);
        Map<Long, Integer> waiting = new HashMap<>();
        blockedBy.forEach((n, by) -> {
            waiting.put(n, by.size());
            if (by.isEmpty()) {
                ready.add(n);
            }
        });
        List<Long> order = new ArrayList<>();
        while (!ready.isEmpty()) {
            long n = ready.poll();
            order.add(n);
            for (long blocked : blocks.get(n)) {
                if (waiting.merge(blocked, -1, Integer::sum) == 0) {
                    ready.add(blocked);
                }
            }
        }

        List<Ranked> ranked = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            long n = order.get(i);
            Candidate c = tickets.get(n);
            Integer score = score(c.value(), c.risk());
            ranked.add(new Ranked(c, i + 1, score, reason(order, i, blocks, own, effective)));
        }
        return List.copyOf(ranked);
    }

    private static RankReason reason(List<Long> order, int i, Map<Long, Set<Long>> blocks, Map<Long, Integer> own,
            Map<Long, Integer> effective) {
        long n = order.get(i);
        int score = own.get(n);
        if (effective.get(n) > score) {
            List<Long> blocked = order.stream().filter(blocks.get(n)::contains).toList();
            return new RankReason(RankReason.Code.BLOCKS, score == UNSCORED ? null : score, blocked);
        }
        if (score == UNSCORED) {
            return new RankReason(RankReason.Code.UNSCORED, null, List.of());
        }
        if (i + 1 < order.size() && tied(n, order.get(i + 1), own, effective)) {
            return new RankReason(RankReason.Code.TIE_OLDER, score, List.of(order.get(i + 1)));
        }
        if (i > 0 && tied(n, order.get(i - 1), own, effective)) {
            return new RankReason(RankReason.Code.TIE_NEWER, score, List.of(order.get(i - 1)));
        }
        return new RankReason(RankReason.Code.SCORE, score, List.of());
    }

    private static boolean tied(long a, long b, Map<Long, Integer> own, Map<Long, Integer> effective) {
        return own.get(a).equals(own.get(b)) && effective.get(a).equals(effective.get(b));
    }

    /** Kahn's algorithm; what it cannot place lies on or behind a cycle, which is then found and named. */
    private static List<Long> topological(Map<Long, Set<Long>> blocks, Map<Long, Set<Long>> blockedBy) {
        Map<Long, Integer> waiting = new HashMap<>();
        Deque<Long> ready = new ArrayDeque<>();
        blockedBy.forEach((n, by) -> {
            waiting.put(n, by.size());
            if (by.isEmpty()) {
                ready.add(n);
            }
        });
        List<Long> order = new ArrayList<>();
        while (!ready.isEmpty()) {
            long n = ready.poll();
            order.add(n);
            for (long blocked : blocks.get(n)) {
                if (waiting.merge(blocked, -1, Integer::sum) == 0) {
                    ready.add(blocked);
                }
            }
        }
        if (order.size() < blocks.size()) {
            Set<Long> left = new TreeSet<>(blocks.keySet());
            order.forEach(left::remove);
            throw new DependencyCycle(cycle(left, blockedBy));
        }
        return order;
    }

    /**
     * Every ticket left has a blocker left: walking back from the smallest number through the smallest
     * blocker left must come back to a ticket already seen. The path is returned blocker first.
     */
    private static List<Long> cycle(Set<Long> left, Map<Long, Set<Long>> blockedBy) {
        LinkedHashSet<Long> walked = new LinkedHashSet<>();
        long n = left.iterator().next();
        while (walked.add(n)) {
            n = blockedBy.get(n).stream().filter(left::contains).findFirst().orElseThrow();
        }
        List<Long> path = new ArrayList<>(walked);
        List<Long> loop = new ArrayList<>(path.subList(path.indexOf(n), path.size()));
        // walked from blocked to blocker: reverse, then start at the smallest number and close the loop
        java.util.Collections.reverse(loop);
        int start = loop.indexOf(loop.stream().min(Long::compare).orElseThrow());
        List<Long> named = new ArrayList<>(loop.subList(start, loop.size()));
        named.addAll(loop.subList(0, start));
        named.add(named.getFirst());
        return named;
    }
}
