package dev.switchboard.core.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.api.command.ActionSpec;
import dev.switchboard.api.command.ArgSpec;
import dev.switchboard.api.command.ArgType;
import dev.switchboard.api.command.CommandSpec;
import dev.switchboard.api.command.ParseResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.api.statistics.Statistics;

class CommandCatalogPropertiesTest {
    private static final CommandCatalog DEMO = Commands.demo();
    private static final List<String> FIRST_WORDS = List.of("alpha", "bravo", "charlie", "delta");
    private static final List<String> LITERALS = List.of("to", "on", "with", "at");
    private static final List<String> TEXTS = List.of("hello", "it's", "say \"hi\"", "two words", "back\\slash",
            "ünïcødé", "x", "'single'", "a\\\"b");
    private static final List<ArgType> TYPES = List.of(new ArgType.Enum(List.of("red", "Green", "blue")),
            new ArgType.Int(-5, 100), new ArgType.DurationType(), new ArgType.Bool(), new ArgType.Text(40),
            new ArgType.PatternType(Pattern.compile("[a-z]+[0-9]")));

    /** A generated command: one random template over every argument kind, and examples written from it. */
    record Generated(CommandSpec spec) {}

    @Property
    void anyTextParsesWithoutThrowing(@ForAll @StringLength(max = 300) String text) {
        assertWellFormed(DEMO.parse(text), text);
    }

    @Property
    void textMadeOfTemplateWordsAndQuotesParsesWithoutThrowing(@ForAll("chatty") String text) {
        ParseResult result = DEMO.parse(text);
        Statistics.collect(result.getClass().getSimpleName());
        assertWellFormed(result, text);
    }

    @Property(tries = 300)
    void everyExampleOfGeneratedCommandsParsesToItsOwnCommand(@ForAll("catalogs") List<Generated> generated) {
        List<CommandSpec> specs = generated.stream().map(Generated::spec).toList();
        Compilation compilation = CommandCatalog.compile(specs);
        assertThat(compilation).isInstanceOf(Compilation.Compiled.class);
        CommandCatalog catalog = ((Compilation.Compiled) compilation).catalog();
        for (CommandSpec spec : specs) {
            for (String example : spec.examples()) {
                assertThat(catalog.parse(example)).isInstanceOfSatisfying(ParseResult.Matched.class, m -> {
                    assertThat(m.invocation().commandId()).isEqualTo(spec.id());
                    m.invocation().args().forEach((name, value) -> assertSatisfies(spec.arg(name).type(), value));
                });
            }
        }
    }

    @Property
    void matchedValuesAlwaysSatisfyTheirType(@ForAll("commandLike") String text) {
        ParseResult result = DEMO.parse(text);
        Statistics.collect(result instanceof ParseResult.Matched);
        if (result instanceof ParseResult.Matched m) {
            assertThat(m.invocation().args().keySet()).isNotEmpty();
            m.invocation().args().forEach((name, value) ->
                    assertSatisfies(m.invocation().command().arg(name).type(), value));
        }
        Statistics.coverage(checker -> checker.check(true).percentage(p -> p > 10));
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

    @Provide
    Arbitrary<String> commandLike() {
        return Arbitraries.of("deploy", "status", "scale", "logs", "echo", "login", "maintenance", "help")
                .flatMap(first -> words().list().ofMaxSize(5).map(rest -> first + " " + String.join(" ", rest)));
    }

    @Provide
    Arbitrary<String> chatty() {
        return words().list().ofMaxSize(12).map(words -> String.join(" ", words));
    }

    private static Arbitrary<String> words() {
        return Arbitraries.of("deploy", "web", "BILLING", "to", "prod", "staging", "1.4.2", "latest", "status", "of",
                "scale", "7", "99", "logs", "15m", "echo", "login", "alice", "s3cretT0ken", "maintenance", "on", "help",
                "\"", "'", "\\", "\"two words\"", " ", "  ", "\t", "\n", "{", "}", "\u0000");
    }

    @Provide
    Arbitrary<List<Generated>> catalogs() {
        return Arbitraries.integers().between(1, FIRST_WORDS.size())
                .flatMap(count -> Arbitraries.longs().map(seed -> generate(count, new Random(seed))));
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
        Map<String, ArgSpec> args = new java.util.HashMap<>();
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

    private static String pick(List<String> choices, Random random) {
        return choices.get(random.nextInt(choices.size()));
    }

    private static String randomCase(String word, Random random) {
        return switch (random.nextInt(3)) {
            case 0 -> word.toUpperCase(Locale.ROOT);
            case 1 -> word.toLowerCase(Locale.ROOT);
            default -> word;
        };
    }
}
