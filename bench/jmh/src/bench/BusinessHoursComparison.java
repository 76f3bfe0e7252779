package bench;

import dev.maintenancedesk.calendar.BusinessCalendar;
import dev.maintenancedesk.plan.PlanLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The Java side of the comparison with Perl's Business::Hours (bench/business-hours.pl): writes the
 * cases and the French holidays, computes the deadlines with a timing, and classifies disagreements.
 *
 * <pre>
 * cases   DIR N       write DIR/cases.txt (epoch-second start, business seconds) and DIR/holidays.txt
 * compute DIR         write DIR/java.txt (one epoch second a line) and print cases per second
 * compare DIR         compare DIR/java.txt with DIR/perl.txt, print counts by reason
 * </pre>
 */
public final class BusinessHoursComparison {

    private static final BusinessCalendar PARIS = BusinessCalendar.of(PlanLoader.loadDefault().calendar());
    private static final long[] TARGET_MINUTES = {60, 180, 120, 360, 540, 2700, 1080};

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[1]);
        switch (args[0]) {
            case "cases" -> cases(dir, Integer.parseInt(args[2]));
            case "compute" -> compute(dir);
            case "compare" -> compare(dir);
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    private static void cases(Path dir, int starts) throws IOException {
        SplittableRandom random = new SplittableRandom(2026);
        long from = Instant.parse("2026-01-01T00:00:00Z").getEpochSecond();
        long to = Instant.parse("2027-12-01T00:00:00Z").getEpochSecond();
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < starts; i++) {
            // whole minutes, a quarter of them on the hour: openings and closings are where engines differ
            long start = random.nextLong(from, to) / 60 * 60;
            if (i % 4 == 0) {
                start = start / 3600 * 3600;
            }
            for (long m : TARGET_MINUTES) {
                lines.add(start + " " + m * 60);
            }
        }
        Files.write(dir.resolve("cases.txt"), lines);
        List<String> holidays = new ArrayList<>();
        for (LocalDate d = LocalDate.of(2026, 1, 1); d.getYear() < 2029; d = d.plusDays(1)) {
            if (PARIS.isPublicHoliday(d)) {
                holidays.add(d.toString());
            }
        }
        Files.write(dir.resolve("holidays.txt"), holidays);
    }

    private static long[][] read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        long[][] cases = new long[lines.size()][];
        for (int i = 0; i < cases.length; i++) {
            String[] f = lines.get(i).trim().split("\\s+");
            cases[i] = new long[f.length];
            for (int j = 0; j < f.length; j++) {
                cases[i][j] = Long.parseLong(f[j]);
            }
        }
        return cases;
    }

    private static void compute(Path dir) throws IOException {
        long[][] cases = read(dir.resolve("cases.txt"));
        Instant[] starts = new Instant[cases.length];
        Duration[] durations = new Duration[cases.length];
        for (int i = 0; i < cases.length; i++) {
            starts[i] = Instant.ofEpochSecond(cases[i][0]);
            durations[i] = Duration.ofSeconds(cases[i][1]);
        }
        Instant[] due = new Instant[cases.length];
        long best = Long.MAX_VALUE;
        // warm the JIT, then keep the best of several timed passes over the very same cases
        for (int round = 0; round < 200; round++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < cases.length; i++) {
                due[i] = PARIS.add(starts[i], durations[i]);
            }
            long elapsed = System.nanoTime() - t0;
            if (round >= 100) {
                best = Math.min(best, elapsed);
            }
        }
        List<String> out = new ArrayList<>(cases.length);
        for (Instant d : due) {
            out.add(Long.toString(d.getEpochSecond()));
        }
        Files.write(dir.resolve("java.txt"), out);
        System.out.printf("java: %d cases in %.3f ms = %.0f cases/s%n", cases.length, best / 1e6,
                cases.length / (best / 1e9));
    }

    private static void compare(Path dir) throws IOException {
        long[][] cases = read(dir.resolve("cases.txt"));
        long[][] java = read(dir.resolve("java.txt"));
        long[][] perl = read(dir.resolve("perl.txt"));
        Map<String, Integer> reasons = new LinkedHashMap<>();
        Map<String, String> examples = new LinkedHashMap<>();
        for (int i = 0; i < cases.length; i++) {
            Instant j = Instant.ofEpochSecond(java[i][0]);
            Instant p = Instant.ofEpochSecond(perl[i][0]);
            if (j.equals(p)) {
                continue;
            }
            String reason;
            if (perl[i][0] == -1) {
                reason = "Business::Hours gave up (-1: no business hours within its 30-day search window)";
            } else if (!PARIS.isOpen(j) && PARIS.nextBusinessInstant(j).equals(p)) {
                reason = "closing-time convention: Business::Hours returns the next opening instead of the closing time";
            } else {
                reason = "other";
            }
            reasons.merge(reason, 1, Integer::sum);
            examples.putIfAbsent(reason, "start " + Instant.ofEpochSecond(cases[i][0]).atZone(PARIS.zone()) + " + "
                    + cases[i][1] / 60 + " min: java " + j.atZone(PARIS.zone()) + ", perl " + p.atZone(PARIS.zone()));
        }
        int disagreements = reasons.values().stream().mapToInt(Integer::intValue).sum();
        System.out.printf("cases: %d, agree: %d, disagree: %d%n", cases.length, cases.length - disagreements, disagreements);
        reasons.forEach((reason, n) -> System.out.printf("  %6d  %s%n          e.g. %s%n", n, reason, examples.get(reason)));
    }
}
