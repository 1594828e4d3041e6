package dev.switchboard.core.policy.condition;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Properties checked on seeded random inputs, in the house style of plain loops: try {@code i} uses seed
 * {@code first + i}, derived from the property's name; a failure names its seed, and {@code -Dproperties.seed=<seed>}
 * replays it first. No text makes the parser throw; generated conditions parse, evaluate without throwing, explain
 * every name they read, and survive a round trip through their canonical form.
 */
class ConditionPropertiesTest {
    private static final long BASE_SEED = 0xC0DE_2026L;
    private static final List<String> NAMES = List.of("env", "service", "version", "channel", "user", "a.b", "x_1");
    private static final List<String> VALUES = List.of("prod", "web", "api", "1.4.2", "", "it's", "say \"hi\"",
            "back\\slash", "two\nlines", "tab\t", "ünïcødé", "🚀", "slack:#deploys", "Prod");
    private static final List<String> REGEXES = List.of("^1\\.", "prod|web", "a.*", "^$", "s", "[0-9]+", "\\d");
    private static final List<String> TOKENS = List.of("env", "service", "==", "!=", "=", "===", "<>", "in", "not",
            "matches", "true", "false", "&&", "||", "&", "|", "!", "(", ")", "[", "]", ",", "'prod'", "\"web\"",
            "'^1\\\\.'", "'(1'", "'", "\"", "\\", "'a\\'", "prod", " ", "  ", "\t", "\n", "Env", "🚀", "\u0000");
    private static final List<String> TRICKY = List.of("\"", "'", "\\", "(", ")", "[", "]", "=", "!", "&", "|",
            "\u00a0", "\u2028", "\u200b", "\ufeff", "\u0301", "ß", "İ", "\ud83d\ude80", "\ud800");

    private static <T, R> List<R> forAll(String property, int tries, Function<Random, T> generate,
            Function<T, R> check) {
        Long override = Long.getLong("properties.seed");
        long first = override != null ? override : BASE_SEED + ((long) property.hashCode() << 20);
        List<R> observations = new ArrayList<>(tries);
        for (int i = 0; i < tries; i++) {
            long seed = first + i;
            // Scrambled: new Random(n) for consecutive n makes nearly the same first draws.
            T input = generate.apply(new Random(new SplittableRandom(seed).nextLong()));
            try {
                observations.add(check.apply(input));
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("%s failed on seed %d (replay with -Dproperties.seed=%d) for input %s"
                        .formatted(property, seed, seed, input), e);
            }
        }
        return observations;
    }

    private static <T> T pick(List<T> choices, Random random) {
        return choices.get(random.nextInt(choices.size()));
    }

    @Test
    void anyTextIsParsedOrRejectedInsideTheInput() {
        forAll("anyText", 2_000, ConditionPropertiesTest::anyText, ConditionPropertiesTest::assertWellFormed);
    }

    @Test
    void soupsOfTheGrammarsTokensAreParsedOrRejectedInsideTheInput() {
        // Half are soups, half are valid conditions with one token dropped in, or a slice cut out, anywhere.
        List<Compiled> results = forAll("tokenSoup", 2_000, random -> {
            if (random.nextBoolean()) {
                String valid = source(random);
                int at = random.nextInt(valid.length() + 1);
                return random.nextBoolean() ? valid.substring(0, at) + pick(TOKENS, random) + valid.substring(at)
                        : valid.substring(0, at) + valid.substring(Math.min(valid.length(), at + random.nextInt(4)));
            }
            StringBuilder soup = new StringBuilder();
            int tokens = 1 + random.nextInt(12);
            for (int i = 0; i < tokens; i++) {
                soup.append(pick(TOKENS, random)).append(random.nextBoolean() ? " " : "");
            }
            return soup.toString();
        }, ConditionPropertiesTest::assertWellFormed);
        // Without these the property could pass on inputs that never get past the first token.
        assertThat(results).filteredOn(Compiled.Parsed.class::isInstance).as("inputs that parse")
                .hasSizeGreaterThanOrEqualTo(100);
        assertThat(results).filteredOn(Compiled.Rejected.class::isInstance).as("inputs that are rejected")
                .hasSizeGreaterThanOrEqualTo(1_000);
    }

    @Test
    void generatedConditionsEvaluateAndExplainEveryNameTheyRead() {
        List<Verdict> verdicts = forAll("evaluate", 2_000, random -> new Case(source(random), facts(random)),
                example -> {
            Condition condition = parsed(example.source());
            List<String> read = new ArrayList<>();
            Verdict verdict = condition.evaluate(name -> {
                read.add(name);
                return example.facts().value(name);
            });
            assertThat(verdict.explanation()).isNotBlank();
            assertThat(read).allSatisfy(name -> assertThat(verdict.explanation()).contains(name));
            assertThat(condition.names()).containsAll(read);
            return verdict;
        });
        assertThat(verdicts).filteredOn(Verdict::value).as("true verdicts").hasSizeBetween(200, 1_800);
    }

    @Test
    void theCanonicalFormParsesToAnEquivalentCondition() {
        forAll("roundTrip", 1_000, ConditionPropertiesTest::source, source -> {
            Condition condition = parsed(source);
            Condition again = parsed(condition.toString());
            assertThat(again).hasToString(condition.toString()).isEqualTo(condition);
            assertThat(again.names()).isEqualTo(condition.names());
            Random random = new Random(source.hashCode());
            for (int i = 0; i < 10; i++) {
                Facts facts = facts(random);
                assertThat(again.evaluate(facts).value()).isEqualTo(condition.evaluate(facts).value());
            }
            return condition;
        });
    }

    record Case(String source, Facts facts) {}

    private static Condition parsed(String source) {
        Compiled compiled = Condition.parse(source);
        assertThat(compiled).as("parse of %s", source).isInstanceOf(Compiled.Parsed.class);
        return ((Compiled.Parsed) compiled).condition();
    }

    private static Compiled assertWellFormed(String source) {
        Compiled compiled = Condition.parse(source);
        if (compiled instanceof Compiled.Rejected(int column, String message)) {
            assertThat(column).isBetween(1, source.codePointCount(0, source.length()) + 1);
            assertThat(message).isNotBlank();
        }
        return compiled;
    }

    /** Up to 300 chars of anything: control chars, quotes, backslashes, odd whitespace, lone surrogates, emoji. */
    private static String anyText(Random random) {
        int length = random.nextBoolean() ? random.nextInt(21) : random.nextInt(301);
        StringBuilder text = new StringBuilder(length + 2);
        while (text.length() < length) {
            switch (random.nextInt(6)) {
                case 0 -> text.append((char) random.nextInt(0x20));
                case 1, 2 -> text.append(pick(TRICKY, random));
                case 3 -> text.append((char) (0x20 + random.nextInt(0x5f)));
                case 4 -> text.append((char) random.nextInt(0x10000));
                default -> text.appendCodePoint(0x10000 + random.nextInt(0x100000));
            }
        }
        text.setLength(length);
        return text.toString();
    }

    private static Facts facts(Random random) {
        Map<String, String> values = new HashMap<>();
        for (String name : NAMES) {
            if (random.nextInt(4) != 0) {
                values.put(name, pick(VALUES, random));
            }
        }
        return new Facts() {
            private final Map<String, String> copy = Map.copyOf(values);

            @Override
            public Optional<String> value(String name) {
                return Optional.ofNullable(copy.get(name));
            }

            @Override
            public String toString() {
                return copy.toString();
            }
        };
    }

    /** A random valid source that fits {@link Condition#MAX_LENGTH}. */
    private static String source(Random random) {
        for (int i = 0; i < 100; i++) {
            String source = condition(random, 0);
            if (source.length() <= Condition.MAX_LENGTH) {
                return source;
            }
        }
        throw new AssertionError("the generator makes sources that are too long");
    }

    /** A random valid condition, written with random spacing and either kind of quote. */
    private static String condition(Random random, int depth) {
        int choice = depth >= 3 ? random.nextInt(3) : random.nextInt(7);
        String space = random.nextBoolean() ? " " : "";
        return switch (choice) {
            case 0 -> pick(NAMES, random) + space + (random.nextBoolean() ? "==" : "!=") + space
                    + literal(pick(VALUES, random), random);
            case 1 -> pick(NAMES, random) + (random.nextBoolean() ? " in " : " not in ") + list(random);
            case 2 -> random.nextInt(4) == 0 ? String.valueOf(random.nextBoolean())
                    : pick(NAMES, random) + " matches " + literal(pick(REGEXES, random), random);
            case 3 -> "!" + space + condition(random, depth + 1);
            case 4 -> "(" + space + condition(random, depth + 1) + space + ")";
            default -> {
                Set<String> operands = new LinkedHashSet<>();
                int count = 2 + random.nextInt(2);
                for (int i = 0; i < count; i++) {
                    operands.add(condition(random, depth + 1));
                }
                yield String.join(random.nextBoolean() ? " && " : space + "||" + space, operands);
            }
        };
    }

    private static String list(Random random) {
        List<String> items = new ArrayList<>();
        int count = 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            items.add(literal(pick(VALUES, random), random));
        }
        return "[" + String.join(random.nextBoolean() ? ", " : ",", items) + "]";
    }

    private static String literal(String value, Random random) {
        char quote = random.nextBoolean() ? '\'' : '"';
        StringBuilder literal = new StringBuilder().append(quote);
        for (char c : value.toCharArray()) {
            if (c == '\\' || c == quote) {
                literal.append('\\');
            }
            literal.append(c == '\n' && random.nextBoolean() ? "\\n" : String.valueOf(c));
        }
        return literal.append(quote).toString();
    }
}
