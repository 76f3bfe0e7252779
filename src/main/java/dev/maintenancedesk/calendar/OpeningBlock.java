package dev.maintenancedesk.calendar;

import java.util.Arrays;

/**
 * The opening intervals of one fixed slice of the time line (2^25 s, about 388 days), as nanosecond
 * offsets from the slice start, with running totals of business time. Slices are cut in UTC rather than
 * by local calendar year so that locating the slice of an instant is one shift, with no zone lookup;
 * an interval crossing a slice boundary is simply split, which changes no result.
 */
final class OpeningBlock {

    static final long SECONDS = 1L << 25;
    static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final long[] opens;
    private final long[] closes;
    /** Business time before interval {@code i}: {@code before[i] + (closes[i] - opens[i]) == upTo[i]}. */
    private final long[] before;
    private final long[] upTo;
    private final long total;

    /** {@code bounds} holds open/close pairs, sorted and non-overlapping, relative to the slice start. */
    OpeningBlock(long[] bounds, int pairs) {
        opens = new long[pairs];
        closes = new long[pairs];
        before = new long[pairs];
        upTo = new long[pairs];
        long sum = 0;
        for (int i = 0; i < pairs; i++) {
            opens[i] = bounds[2 * i];
            closes[i] = bounds[2 * i + 1];
            before[i] = sum;
            sum += closes[i] - opens[i];
            upTo[i] = sum;
        }
        total = sum;
    }

    long total() {
        return total;
    }

    boolean isEmpty() {
        return opens.length == 0;
    }

    long firstOpening() {
        return opens[0];
    }

    /** Index of the interval containing {@code t} or the next one; {@code size} when none follows. */
    int intervalAtOrAfter(long t) {
        int i = Arrays.binarySearch(closes, t);
        // closes are exclusive: a closing instant belongs to the next interval
        return i >= 0 ? i + 1 : -i - 1;
    }

    int size() {
        return opens.length;
    }

    long open(int i) {
        return opens[i];
    }

    /** Business time from the slice start up to {@code t}. */
    long position(long t) {
        int i = intervalAtOrAfter(t);
        return i == opens.length ? total : before[i] + Math.max(0, t - opens[i]);
    }

    /**
     * The instant at which {@code position} (in {@code (0, total]}) of business time has elapsed: the
     * end of the slot that uses it up, so a position reached exactly at a closing time is that closing
     * time, never the next opening.
     */
    long instantAt(long position) {
        int i = Arrays.binarySearch(upTo, position);
        if (i < 0) {
            i = -i - 1;
        }
        return opens[i] + (position - before[i]);
    }
}
