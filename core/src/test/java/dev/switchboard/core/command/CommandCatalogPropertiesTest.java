package dev.switchboard.core.command;

import static dev.switchboard.core.command.RandomInputs.anyText;
import static dev.switchboard.core.command.RandomInputs.describe;
import static dev.switchboard.core.command.RandomInputs.forAll;
import static dev.switchboard.core.command.RandomInputs.pick;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.api.command.ActionSpec;
import dev.switchboard.api.command.ArgSpec;
import dev.switchboard.api.command.ArgType;
import dev.switchboard.api.command.CommandSpec;
import dev.switchboard.api.command.ParseResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Properties of parsing, each checked on seeded random inputs (see {@link RandomInputs} for replaying a failure):
 * no text crashes the parser, and every example of a generated catalog round-trips with well-typed values.
 */
class CommandCatalogPropertiesTest {
    private static final CommandCatalog DEMO = Commands.demo();
    /** About 3% of 1,000 word soups match and 3% fail an argument check, for every seed tried; 1% is the floor. */
    private static final int SOUPS_AT_LEAST = 10;
    private static final List<String> COMMAND_WORDS = List.of("deploy", "status", "scale", "logs", "echo", "login",
            "maintenance", "help");
    private static final List<String> SOUP = List.of("deploy", "web", "BILLING", "to", "prod", "staging", "1.4.2",
            "latest", "status", "of", "scale", "7", "99", "logs", "15m", "echo", "login", "alice", "s3cretT0ken",
            "maintenance", "on", "help", "\"", "'", "\\", "\"two words\"", " ", "  ", "\t", "\n", "{", "}", "\u0000");
    private static final List<String> FIRST_WORDS = List.of("alpha", "bravo", "charlie", "delta");
    private static final List<String> LITERALS = List.of("to", "on", "with", "at");
    private static final List<String> TEXTS = List.of("hello", "it's", "say \"hi\"", "two words", "back\\slash",
            "ünïcødé", "x", "'single'", "a\\\"b");
    private static final List<ArgType> TYPES = List.of(new ArgType.Enum(List.of("red", "Green", "blue")),
            new ArgType.Int(-5, 100), new ArgType.DurationType(), new ArgType.Bool(), new ArgType.Text(40),
            new ArgType.PatternType(Pattern.compile("[a-z]+[0-9]")));

    /** A generated command: one random template over every argument kind, and examples written from it. */
    record Generated(CommandSpec spec) {
        @Override
        public String toString() {
            return spec.templates() + " args " + spec.args().values() + " examples " + spec.examples();
        }
    }

    @Test
    void anyTextParsesWithoutThrowing() {
        // A third of the texts start like a command, so the garbage also reaches argument parsing.
        forAll("anyText", 1_000, random -> random.nextInt(3) == 0
                ? pick(COMMAND_WORDS, random) + " " + anyText(random) : anyText(random), text -> {
                    assertWellFormed(DEMO.parse(text), text);
                    return text;
                });
    }

    @Test
    void textMadeOfTemplateWordsAndQuotesParsesWithoutThrowing() {
        List<ParseResult> results = forAll("wordSoup", 1_000, random -> words(12, random), text -> {
            ParseResult result = DEMO.parse(text);
            assertWellFormed(result, text);
            return result;
        });
        // Without this the property could pass on a soup that never gets past the first word.
        assertThat(results).as("word soups that match a command").filteredOn(ParseResult.Matched.class::isInstance)
                .hasSizeGreaterThanOrEqualTo(SOUPS_AT_LEAST);
        assertThat(results).as("word soups that fail an argument check")
                .filteredOn(ParseResult.Invalid.class::isInstance).hasSizeGreaterThanOrEqualTo(SOUPS_AT_LEAST);
    }

    @Test
    void everyExampleOfGeneratedCommandsParsesToItsOwnCommand() {
        forAll("catalogs", 300, random -> generate(1 + random.nextInt(FIRST_WORDS.size()), random), generated -> {
            List<CommandSpec> specs = generated.stream().map(Generated::spec).toList();
            CommandCatalog catalog = Commands.compiled(specs.toArray(CommandSpec[]::new));
            for (CommandSpec spec : specs) {
                for (String example : spec.examples()) {
                    assertThat(catalog.parse(example)).as("example %s", describe(example))
                            .isInstanceOfSatisfying(ParseResult.Matched.class, m -> {
                                assertThat(m.invocation().commandId()).isEqualTo(spec.id());
                                m.invocation().args().forEach((name, value) ->
                                        assertSatisfies(spec.arg(name).type(), value));
                            });
                }
            }
            return specs;
        });
    }

    @Test
    void matchedValuesAlwaysSatisfyTheirType() {
        List<ParseResult> results = forAll("commandLike", 1_000,
                random -> pick(COMMAND_WORDS, random) + " " + words(5, random), text -> {
                    ParseResult result = DEMO.parse(text);
                    if (result instanceof ParseResult.Matched m) {
                        assertThat(m.invocation().args().keySet()).isNotEmpty();
                        m.invocation().args().forEach((name, value) ->
                                assertSatisfies(m.invocation().command().arg(name).type(), value));
                    }
                    return result;
                });
        // About 15% match for every seed tried; without a floor the property could hold vacuously.
        assertThat(results).as("command-like texts that match").filteredOn(ParseResult.Matched.class::isInstance)
                .hasSizeGreaterThan(results.size() / 10);
    }

    private static void assertWellFormed(ParseResult result, String text) {
        switch (result) {
            case ParseResult.Matched m -> assertThat(m.invocation().text()).isEqualTo(text);
            case ParseResult.NoMatch n -> assertThat(n.suggestions()).hasSizeLessThanOrEqualTo(Suggestions.LIMIT);
            case ParseResult.Ambiguous a -> assertThat(a.candidates()).hasSizeGreaterThan(1);
            case ParseResult.Invalid i -> assertThat(i.usage()).isNotBlank();
        }
    }

    /** A canonical value satisfies its type: it is what a check of some raw input can produce. */
    private static void assertSatisfies(ArgType type, String value) {
        switch (type) {
            case ArgType.Enum e -> assertThat(e.values()).contains(value);
            case ArgType.Int i -> assertThat(Long.parseLong(value)).isBetween(i.min(), i.max());
            case ArgType.DurationType d -> assertThat(Duration.parse(value)).isNotNull();
            case ArgType.Bool b -> assertThat(value).isIn("true", "false");
            case ArgType.PatternType p -> assertThat(value).matches(p.regex());
            case ArgType.Text t -> assertThat(value).hasSizeLessThanOrEqualTo(t.maxLength())
                    .doesNotContainPattern("[\\x00-\\x1f\\x7f]");
        }
    }

    /** Up to {@code max} words of the demo templates, quotes, backslashes and odd whitespace, joined by spaces. */
    private static String words(int max, Random random) {
        List<String> words = new ArrayList<>();
        for (int n = random.nextInt(max + 1); n > 0; n--) {
            words.add(pick(SOUP, random));
        }
        return String.join(" ", words);
    }

    private static List<Generated> generate(int count, Random random) {
        List<Generated> generated = new ArrayList<>();
        for (int c = 0; c < count; c++) {
            generated.add(generateOne(FIRST_WORDS.get(c), random));
        }
        return generated;
    }

    /** A piece of a generated template: a literal word, or an argument with its kind. */
    private record Piece(String literal, ArgSpec arg, TemplatePart.Arg.Kind kind) {}

    private static Generated generateOne(String first, Random random) {
        List<Piece> pieces = new ArrayList<>();
        StringBuilder template = new StringBuilder(first);
        Map<String, ArgSpec> args = new HashMap<>();
        int size = random.nextInt(6);
        for (int i = 0; i < size; i++) {
            boolean last = i == size - 1;
            if (random.nextInt(3) == 0) {
                String word = LITERALS.get(random.nextInt(LITERALS.size()));
                pieces.add(new Piece(word, null, null));
                template.append(' ').append(word);
                continue;
            }
            ArgSpec arg = new ArgSpec("a" + i, TYPES.get(random.nextInt(TYPES.size())), random.nextInt(5) == 0, "");
            args.put(arg.name(), arg);
            int roll = random.nextInt(4);
            TemplatePart.Arg.Kind kind = last && roll == 0 && arg.type() instanceof ArgType.Text
                    ? TemplatePart.Arg.Kind.REST
                    : roll == 1 ? TemplatePart.Arg.Kind.OPTIONAL : TemplatePart.Arg.Kind.REQUIRED;
            pieces.add(new Piece(null, arg, kind));
            template.append(switch (kind) {
                case REQUIRED -> " {" + arg.name() + "}";
                case OPTIONAL -> " {" + arg.name() + "=" + raw(arg.type(), random).replace("}", "") + "}";
                case REST -> " {" + arg.name() + "...}";
            });
        }
        List<String> examples = new ArrayList<>();
        for (int e = 0; e < 3; e++) {
            examples.add(example(first, pieces, random));
        }
        return new Generated(new CommandSpec(first, List.of(template.toString()), args, "", examples, null, null,
                null, new ActionSpec("reply", Map.of()), null));
    }

    private static String example(String first, List<Piece> pieces, Random random) {
        StringBuilder text = new StringBuilder(randomCase(first, random));
        for (Piece piece : pieces) {
            String word = piece.literal() != null ? randomCase(piece.literal(), random) : switch (piece.kind()) {
                case REQUIRED -> token(raw(piece.arg().type(), random), random);
                case OPTIONAL -> random.nextBoolean() ? token(raw(piece.arg().type(), random), random) : null;
                case REST -> "rest " + TEXTS.get(random.nextInt(TEXTS.size()));
            };
            if (word != null) {
                text.append(random.nextBoolean() ? " " : " \t ").append(word);
            }
        }
        return text.toString();
    }

    /** A raw value the type accepts, in the varied spellings users type. */
    private static String raw(ArgType type, Random random) {
        return switch (type) {
            case ArgType.Enum e -> randomCase(e.values().get(random.nextInt(e.values().size())), random);
            case ArgType.Int i -> Long.toString(i.min() + random.nextInt((int) (i.max() - i.min() + 1)));
            case ArgType.DurationType d -> (1 + random.nextInt(999)) + pick(List.of("ms", "s", "m", "h", "d"), random);
            case ArgType.Bool b -> randomCase(pick(List.of("true", "false", "yes", "no", "on", "off"), random), random);
            case ArgType.PatternType p -> "abc".substring(random.nextInt(3)) + random.nextInt(10);
            case ArgType.Text t -> TEXTS.get(random.nextInt(TEXTS.size()));
        };
    }

    /** The value as one token: bare when it can be, otherwise (or at random) quoted with escapes. */
    private static String token(String value, Random random) {
        boolean mustQuote = value.isEmpty() || value.chars().anyMatch(Character::isWhitespace)
                || value.startsWith("\"") || value.startsWith("'");
        if (!mustQuote && random.nextBoolean()) {
            return value;
        }
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String randomCase(String word, Random random) {
        return switch (random.nextInt(3)) {
            case 0 -> word.toUpperCase(Locale.ROOT);
            case 1 -> word.toLowerCase(Locale.ROOT);
            default -> word;
        };
    }
}
