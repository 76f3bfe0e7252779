package dev.maintenancedesk.watch;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The CVSS v3.0/v3.1 base score of a vector ({@code CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H} → 9.8), by the
 * formulas and the "round up" of FIRST's specification (v3.1, §7.1 and Appendix A): OSV records carry vectors,
 * not scores.
 */
final class Cvss {

    private Cvss() {
    }

    static Optional<BigDecimal> baseScore(String vector) {
        if (vector == null || !vector.matches("CVSS:3\\.[01](/[A-Z]+:[A-Z])+")) {
            return Optional.empty();
        }
        Map<String, String> m = new HashMap<>();
        for (String part : vector.substring(9).split("/")) {
            String[] kv = part.split(":");
            m.put(kv[0], kv[1]);
        }
        try {
            boolean changed = scope(m.get("S"));
            double av = weight(m.get("AV"), "N", 0.85, "A", 0.62, "L", 0.55, "P", 0.2);
            double ac = weight(m.get("AC"), "L", 0.77, "H", 0.44);
            double pr = weight(m.get("PR"), "N", 0.85, "L", changed ? 0.68 : 0.62, "H", changed ? 0.5 : 0.27);
            double ui = weight(m.get("UI"), "N", 0.85, "R", 0.62);
            double c = weight(m.get("C"), "H", 0.56, "L", 0.22, "N", 0);
            double i = weight(m.get("I"), "H", 0.56, "L", 0.22, "N", 0);
            double a = weight(m.get("A"), "H", 0.56, "L", 0.22, "N", 0);
            double iss = 1 - (1 - c) * (1 - i) * (1 - a);
            double impact = changed ? 7.52 * (iss - 0.029) - 3.25 * Math.pow(iss - 0.02, 15) : 6.42 * iss;
            double exploitability = 8.22 * av * ac * pr * ui;
            double score = impact <= 0 ? 0
                    : roundUp(Math.min((changed ? 1.08 : 1) * (impact + exploitability), 10));
            return Optional.of(BigDecimal.valueOf(score).setScale(1, java.math.RoundingMode.HALF_UP));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static boolean scope(String s) {
        if ("U".equals(s) || "C".equals(s)) {
            return "C".equals(s);
        }
        throw new IllegalArgumentException("scope " + s);
    }

    private static double weight(String value, Object... table) {
        for (int k = 0; k < table.length; k += 2) {
            if (table[k].equals(value)) {
                return ((Number) table[k + 1]).doubleValue();
            }
        }
        throw new IllegalArgumentException("metric value " + value);
    }

    /** The specification's Roundup: the smallest number with one decimal that is at least the input. */
    static double roundUp(double x) {
        long i = Math.round(x * 100000);
        return i % 10000 == 0 ? i / 100000.0 : (Math.floor(i / 10000.0) + 1) / 10.0;
    }
}
