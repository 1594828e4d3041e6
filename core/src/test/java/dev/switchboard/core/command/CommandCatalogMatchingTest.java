package dev.switchboard.core.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.api.command.ParseResult;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CommandCatalogMatchingTest {
    private static final CommandCatalog DEMO = Commands.demo();

    /** {@code "a=1;b=2"} as an ordered map. */
    private static Map<String, String> args(String spec) {
        Map<String, String> map = new LinkedHashMap<>();
        if (spec != null) {
            Arrays.stream(spec.split(";")).map(kv -> kv.split("=", 2)).forEach(kv -> map.put(kv[0], kv[1]));
        }
        return map;
    }

    private static void assertMatches(String text, String command, String expectedArgs) {
        ParseResult result = DEMO.parse(text);
        assertThat(result).isInstanceOf(ParseResult.Matched.class);
        var invocation = ((ParseResult.Matched) result).invocation();
        assertThat(invocation.commandId()).isEqualTo(command);
        assertThat(invocation.args()).containsExactlyEntriesOf(args(expectedArgs));
        assertThat(invocation.text()).isEqualTo(text);
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource(delimiter = '|', textBlock = """
            deploy web 1.4.2 to staging  | deploy.service | service=web;version=1.4.2;env=staging
            deploy web to prod           | deploy.service | service=web;version=latest;env=prod
            status web                   | status.service | service=web
            status of billing            | status.service | service=billing
            scale search to 7            | scale.service  | service=search;count=7
            maintenance on               | maintenance    | on=true
            maintenance no               | maintenance    | on=false
            help                         | help           | topic=all
            help deploy                  | help           | topic=deploy
            """)
    void templatesMatchWithOptionalArgumentsAnywhere(String text, String command, String expected) {
        assertMatches(text, command, expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            logs web               | service=web;lines=100;since=PT1H
            logs web 20            | service=web;lines=20;since=PT1H
            logs web 20 15m        | service=web;lines=20;since=PT15M
            logs web 15m           | service=web;lines=100;since=PT15M
            """)
    void skippedOptionalArgumentsTakeTheirCanonicalDefault(String text, String expected) {
        assertMatches(text, "logs.tail", expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            DEPLOY Web TO Prod           | service=web;version=latest;env=prod
            Deploy BILLING 2.0.0 To prod | service=billing;version=2.0.0;env=prod
            """)
    void literalWordsAndEnumValuesIgnoreLetterCase(String text, String expected) {
        assertMatches(text, "deploy.service", expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            help "two words"                     | topic=two words
            help 'single quoted'                 | topic=single quoted
            help "say \\"hi\\""                  | topic=say "hi"
            help "back\\\\slash"                 | topic=back\\slash
            help 'it\\'s'                        | topic=it's
            help "c:\\temp"                      | topic=c:\\temp
            help ""                              | topic=
            help "unterminated quote             | topic="unterminated quote
            `help    "spaced   inside"   `       | topic=spaced   inside
            """)
    void quotedStringsAreOneValue(String text, String expected) {
        assertMatches(text, "help", expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            echo hello                          | hello
            `echo   hello   world  `            | hello   world
            echo "quoted" and; rm -rf /         | "quoted" and; rm -rf /
            ECHO deploy web to prod             | deploy web to prod
            """)
    void restArgumentTakesTheRawRestOfTheLineStripped(String text, String message) {
        ParseResult result = DEMO.parse(text);
        assertThat(result).isInstanceOf(ParseResult.Matched.class);
        assertThat(((ParseResult.Matched) result).invocation().args()).containsExactly(Map.entry("message", message));
    }

    @Test
    void newlinesAndTabsSeparateWordsLikeSpaces() {
        assertMatches("deploy\tweb\nto\r\nprod", "deploy.service", "service=web;version=latest;env=prod");
    }

    @Test
    void quotedWordIsAValueNeverALiteral() {
        assertThat(DEMO.parse("\"deploy\" web to prod")).isInstanceOf(ParseResult.NoMatch.class);
    }

    @Test
    void restArgumentNeedsAtLeastOneWord() {
        assertThat(DEMO.parse("echo   ")).isInstanceOf(ParseResult.NoMatch.class);
    }

    @Test
    void extraWordsAfterTheTemplateDoNotMatch() {
        assertThat(DEMO.parse("status web now")).isInstanceOf(ParseResult.NoMatch.class);
    }

    @Test
    void theOnlyWellTypedReadingIsFoundAmongManyOptionalArguments() {
        Commands pick = Commands.command("pick", "pick {a=x} {b=x} {c=x} {d=x} {e=x} {f=0} {g=0} {w}");
        for (String name : List.of("a", "b", "c", "d", "e")) {
            pick.arg(Commands.oneOf(name, "x"));
        }
        CommandCatalog catalog = Commands.compiled(pick.arg(Commands.number("f", 0, 9))
                .arg(Commands.number("g", 0, 9)).arg(Commands.oneOf("w", "end")).spec());
        var matched = (ParseResult.Matched) catalog.parse("pick 5 6 end");
        assertThat(matched.invocation().args()).containsAllEntriesOf(Map.of("a", "x", "f", "5", "g", "6", "w", "end"));
    }

    @Test
    void aVeryLongLineIsParsedQuickly() {
        String huge = "echo " + "word \"quoted ".repeat(10_000); // 130 KB, far over 200 characters
        String unmatched = "deploy " + "x ".repeat(50_000);
        long start = System.nanoTime();
        ParseResult echoed = DEMO.parse(huge);
        ParseResult rejected = DEMO.parse(unmatched);
        ParseResult unterminated = DEMO.parse("help \"" + "a".repeat(100_000));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(echoed).isInstanceOfSatisfying(ParseResult.Invalid.class, invalid -> {
            assertThat(invalid.argument()).isEqualTo("message");
            assertThat(invalid.value()).hasSize(CommandCatalog.SHOWN_VALUE_LIMIT)
                    .startsWith("word \"quoted").endsWith("…");
        });
        assertThat(rejected.getClass()).isEqualTo(ParseResult.NoMatch.class);
        assertThat(unterminated.getClass()).isEqualTo(ParseResult.Invalid.class);
        assertThat(millis).isLessThan(2_000);
    }
}
