package dev.switchboard.core.command;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Did-you-mean for a line that matched nothing: the usage lines of the (at most three) commands whose leading
 * literal words are closest to what was typed. Closeness is the Damerau–Levenshtein distance (optimal string
 * alignment) of the first word, or of the whole literal prefix, whichever is smaller; a command is only suggested
 * when that distance is within about a third of the word's length, so "deploy" with the wrong arguments suggests
 * deploy (distance 0) and "xyzzy" suggests nothing. Only short strings are ever compared, whatever the line length.
 */
final class Suggestions {
    static final int LIMIT = 3;

    private record Candidate(String usage, int distance, int order) {}

    private Suggestions() {}

    static List<String> closest(List<CompiledCommand> commands, List<Token> tokens) {
        if (tokens.isEmpty()) {
            return List.of();
        }
        List<Candidate> candidates = new ArrayList<>();
        for (int c = 0; c < commands.size(); c++) {
            Candidate best = null;
            for (Template template : commands.get(c).templates()) {
                int distance = distance(template.literalPrefix(), tokens);
                if (distance >= 0 && (best == null || distance < best.distance())) {
                    best = new Candidate(template.usage(), distance, c);
                }
            }
            if (best != null) {
                candidates.add(best);
            }
        }
        return candidates.stream()
                .sorted(Comparator.comparingInt(Candidate::distance).thenComparingInt(Candidate::order))
                .map(Candidate::usage)
                .distinct()
                .limit(LIMIT)
                .toList();
    }

    /** The distance of the typed words to a template's literal prefix, or -1 if it is not reasonably close. */
    private static int distance(List<String> prefix, List<Token> tokens) {
        String first = prefix.getFirst();
        String typedFirst = tokens.getFirst().value().toLowerCase(Locale.ROOT);
        int best = bounded(typedFirst, first);
        if (prefix.size() > 1) {
            String whole = String.join(" ", prefix);
            StringBuilder typed = new StringBuilder();
            for (int i = 0; i < Math.min(prefix.size(), tokens.size()) && typed.length() <= whole.length() + 3; i++) {
                typed.append(i == 0 ? "" : " ").append(tokens.get(i).value().toLowerCase(Locale.ROOT));
            }
            int wholeDistance = bounded(typed.toString(), whole);
            if (wholeDistance >= 0 && (best < 0 || wholeDistance < best)) {
                best = wholeDistance;
            }
        }
        return best;
    }

    /** The distance if it is within the tolerance for {@code target}, else -1. */
    private static int bounded(String typed, String target) {
        int tolerance = Math.min(3, Math.max(1, (target.length() + 2) / 3));
        if (Math.abs(typed.length() - target.length()) > tolerance) {
            return -1;
        }
        int d = damerauLevenshtein(typed, target);
        return d <= tolerance ? d : -1;
    }

    /** Optimal-string-alignment distance: insertions, deletions, substitutions and adjacent transpositions. */
    static int damerauLevenshtein(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
