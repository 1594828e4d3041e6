package dev.switchboard.core.policy.rules;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/** Did-you-mean for names in rules: the known name closest to a typo, when one is close enough. */
final class Closest {
    private Closest() {}

    /** The closest of {@code known} to {@code name}: a prefix either way, or at most two edits away. */
    static Optional<String> to(String name, Collection<String> known) {
        return known.stream().filter(k -> k.startsWith(name) || name.startsWith(k) || distance(k, name) <= 2)
                .min(Comparator.comparingInt((String k) -> distance(k, name)).thenComparing(k -> k));
    }

    /** {@code ; did you mean 'x'?}, or the list of known names, or that there are none. */
    static String suggestion(String name, Collection<String> known, String what) {
        if (known.isEmpty()) {
            return "; no " + what + " are configured";
        }
        return to(name, known).map(k -> "; did you mean '" + k + "'?")
                .orElseGet(() -> "; known " + what + " are " + String.join(", ", known));
    }

    /** Levenshtein distance; names are short, so the quadratic cost does not matter. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
