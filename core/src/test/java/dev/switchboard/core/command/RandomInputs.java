package dev.switchboard.core.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Seeded random inputs for property tests, with plain JUnit and no property-testing library.
 *
 * <p>Try {@code i} of a property draws its input from seed {@code first + i} (see {@link #random}), where
 * {@code first} is derived from the property's name, so every run sees the same inputs. A failing try names its
 * seed and its input (escaped as a Java string literal); {@code -Dproperties.seed=<that seed>} makes it the first
 * try of every property, to replay it. Not thread-safe; each try gets its own {@link Random}.
 */
final class RandomInputs {
    /** Arbitrary but fixed, so a run is reproducible; overridden by {@code -Dproperties.seed}. */
    private static final long BASE_SEED = 0x5EED_2026L;
    private static final List<String> TRICKY = List.of("\"", "'", "\\", "\\\"", "{", "}", "=", "...", "\u00a0",
            "\u2028", "\u3000", "\u200b", "\ufeff", "\u0085", "\u007f", "\u0301", "ß", "İ", "ﬁ", "\ud83d\ude80");

    private RandomInputs() {}

    /**
     * Runs {@code check} on {@code tries} generated inputs and returns what each check observed, in order, for
     * coverage assertions. The first failing check (assertion or exception) stops the run with its seed and input.
     */
    static <T, R> List<R> forAll(String property, int tries, Function<Random, T> generate, Function<T, R> check) {
        Long override = Long.getLong("properties.seed");
        long first = override != null ? override : BASE_SEED + ((long) property.hashCode() << 20);
        List<R> observations = new ArrayList<>(tries);
        for (int i = 0; i < tries; i++) {
            long seed = first + i;
            T input = generate.apply(random(seed));
            try {
                observations.add(check.apply(input));
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("%s failed on seed %d (replay with -Dproperties.seed=%d) for input %s"
                        .formatted(property, seed, seed, describe(input)), e);
            }
        }
        return observations;
    }

    /**
     * The generator for one seed. The seed is scrambled first: {@code new Random(n)} for consecutive {@code n} gives
     * nearly the same first draws (for 1,000 seeds in a row, {@code nextInt(8)} returns only two values), so
     * every try would make the same first choice.
     */
    static Random random(long seed) {
        return new Random(new SplittableRandom(seed).nextLong());
    }

    /** Up to 300 chars of anything: control chars, quotes, backslashes, odd whitespace, lone surrogates, emoji. */
    static String anyText(Random random) {
        // Half the tries stay short: most parser branches are decided in the first few tokens.
        int length = random.nextBoolean() ? random.nextInt(21) : random.nextInt(301);
        StringBuilder text = new StringBuilder(length + 2);
        while (text.length() < length) {
            switch (random.nextInt(7)) {
                case 0 -> text.append((char) random.nextInt(0x20));
                case 1, 2 -> text.append(pick(TRICKY, random));
                case 3 -> text.append((char) (0x20 + random.nextInt(0x5f)));
                case 4 -> text.append((char) random.nextInt(0x10000));
                case 5 -> text.appendCodePoint(0x10000 + random.nextInt(0x100000));
                default -> text.append(random.nextBoolean() ? " " : "  ");
            }
        }
        text.setLength(length);
        return text.toString();
    }

    static <T> T pick(List<T> choices, Random random) {
        return choices.get(random.nextInt(choices.size()));
    }

    /** Strings as a Java literal that can be pasted into a table test; anything else by its toString. */
    static String describe(Object input) {
        if (!(input instanceof String text)) {
            return String.valueOf(input);
        }
        StringBuilder literal = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            literal.append(switch (c) {
                case '"' -> "\\\"";
                case '\\' -> "\\\\";
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                case '\t' -> "\\t";
                // Three octal digits, never backslash-u: a unicode escape of a quote or newline breaks the source.
                default -> c < 0x20 || c == 0x7f ? "\\%03o".formatted((int) c)
                        : c > 0x7f ? "\\u%04x".formatted((int) c) : String.valueOf(c);
            });
        }
        return literal.append('"').toString();
    }
}
