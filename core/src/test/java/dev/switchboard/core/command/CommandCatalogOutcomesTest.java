package dev.switchboard.core.command;

import static dev.switchboard.core.command.Commands.command;
import static dev.switchboard.core.command.Commands.matching;
import static dev.switchboard.core.command.Commands.oneOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.api.command.CommandSpec;
import dev.switchboard.api.command.ParseResult;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CommandCatalogOutcomesTest {
    private static final CommandCatalog DEMO = Commands.demo();

    @ParameterizedTest(name = "{0} -> {2}={3}")
    @CsvSource(delimiter = ';', textBlock = """
            deploy web to moon; deploy.service; env; moon; one of staging, prod; deploy <service> [version] to <env>
            deploy nginx to prod; deploy.service; service; nginx; one of web, billing, search; deploy <service> [version] to <env>
            deploy web 1.4 to prod; deploy.service; version; 1.4; a value matching [0-9]+\\.[0-9]+\\.[0-9]+|latest; deploy <service> [version] to <env>
            scale web to 99; scale.service; count; 99; a whole number from 1 to 20; scale <service> to <count>
            scale web to many; scale.service; count; many; a whole number from 1 to 20; scale <service> to <count>
            status of nginx; status.service; service; nginx; one of web, billing, search; status of <service>
            maintenance maybe; maintenance; on; maybe; true or false; maintenance <on>
            logs web 20 forever; logs.tail; since; forever; a duration like 30s, 15m, 2h or 1d; logs <service> [lines] [since]
            """)
    void wrongArgumentSaysWhichValueWasWrongAndWhatWasExpected(
            String text, String command, String argument, String value, String expected, String usage) {
        assertThat(DEMO.parse(text)).isEqualTo(new ParseResult.Invalid(command, argument, value, expected, usage));
    }

    @Test
    void secretArgumentValueIsNeverShownInAnInvalidResult() {
        ParseResult result = DEMO.parse("login alice hunter2");
        assertThat(result).isInstanceOfSatisfying(ParseResult.Invalid.class, invalid -> {
            assertThat(invalid.argument()).isEqualTo("token");
            assertThat(invalid.value()).isEqualTo("***");
        });
        assertThat(result.toString()).doesNotContain("hunter2");
    }

    @Test
    void secretArgumentIsKeptInTheInvocationButRedactedForDisplay() {
        var matched = (ParseResult.Matched) DEMO.parse("login alice s3cretT0ken");
        assertThat(matched.invocation().args()).containsEntry("token", "s3cretT0ken");
        assertThat(matched.invocation().redactedArgs()).containsEntry("token", "***").containsEntry("user", "alice");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            deploy                | deploy <service> [version] to <env>
            deploy web            | deploy <service> [version] to <env>
            DEPLOY web prod       | deploy <service> [version] to <env>
            dpeloy web to prod    | deploy <service> [version] to <env>
            deplyo                | deploy <service> [version] to <env>
            stauts web            | status <service>
            status                | status <service>
            scael web to 3        | scale <service> to <count>
            hlep                  | help [topic]
            ehco                  | echo <message...>
            """)
    void unknownTextSuggestsTheCommandWithTheClosestLeadingWords(String text, String suggestion) {
        assertThat(DEMO.parse(text)).isEqualTo(new ParseResult.NoMatch(text, List.of(suggestion)));
    }

    @Test
    void suggestionsAreOrderedByDistance() {
        assertThat(DEMO.parse("log web")).isEqualTo(new ParseResult.NoMatch("log web",
                List.of("logs <service> [lines] [since]", "login <user> <token>")));
    }

    @Test
    void atMostThreeSuggestionsAreGiven() {
        CommandCatalog catalog = Commands.compiled(command("star", "star {x}").spec(),
                command("start", "start {x}").spec(), command("stats", "stats {x}").spec(),
                command("state", "state {x}").spec());
        assertThat(catalog.parse("stat")).isEqualTo(new ParseResult.NoMatch("stat",
                List.of("star <x>", "start <x>", "stats <x>")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"xyzzy", "kubectl get pods", "what is the weather", "d", "123"})
    void unrelatedTextGetsNoSuggestions(String text) {
        assertThat(DEMO.parse(text)).isEqualTo(new ParseResult.NoMatch(text, List.of()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\n\t", "\u0000\u0001"})
    void blankTextIsANoMatchWithoutSuggestions(String text) {
        assertThat(DEMO.parse(text)).isEqualTo(new ParseResult.NoMatch(text, List.of()));
    }

    @Test
    void nullTextIsTreatedAsEmpty() {
        assertThat(DEMO.parse(null)).isEqualTo(new ParseResult.NoMatch("", List.of()));
    }

    @Test
    void argumentTypesDecideBetweenCommandsThatShareTheirWords() {
        CommandCatalog catalog = Commands.compiled(
                command("restart.service", "restart {service}").arg(oneOf("service", "web", "billing")).spec(),
                command("restart.host", "restart {host}").arg(matching("host", "[a-z]+\\.internal")).spec());
        assertThat(catalog.parse("restart WEB")).isInstanceOfSatisfying(ParseResult.Matched.class,
                m -> assertThat(m.invocation().commandId()).isEqualTo("restart.service"));
        assertThat(catalog.parse("restart db.internal")).isInstanceOfSatisfying(ParseResult.Matched.class,
                m -> assertThat(m.invocation().commandId()).isEqualTo("restart.host"));
    }

    @Test
    void textMatchingSeveralCommandsIsAmbiguousNamingEachCandidate() {
        CommandCatalog catalog = Commands.unchecked(
                command("restart.service", "restart {service}").spec(),
                command("restart.host", "restart {host}", "reboot {host}").spec(),
                command("restart.all", "restart all").spec());
        assertThat(catalog.parse("restart all")).isEqualTo(new ParseResult.Ambiguous("restart all",
                List.of("restart.service", "restart.host", "restart.all")));
        assertThat(catalog.parse("reboot db1")).isInstanceOf(ParseResult.Matched.class);
    }

    @Test
    void firstTemplateOfACommandWinsWhenItsOwnTemplatesOverlap() {
        CommandCatalog catalog = Commands.compiled(command("say", "say {words...}", "say {first} {second=x}").spec());
        var matched = (ParseResult.Matched) catalog.parse("say hello there");
        assertThat(matched.invocation().args()).containsExactly(java.util.Map.entry("words", "hello there"));
    }

    @Test
    void usageHasOneLinePerTemplate() {
        CommandSpec status = DEMO.find("status.service").orElseThrow();
        assertThat(CommandCatalog.usages(status)).containsExactly("status <service>", "status of <service>");
        assertThat(CommandCatalog.usage(status)).isEqualTo("status <service>\nstatus of <service>");
        assertThat(CommandCatalog.usage(DEMO.find("echo").orElseThrow())).isEqualTo("echo <message...>");
    }

    @Test
    void catalogListsCommandsInDeclarationOrderAndFindsThemById() {
        assertThat(DEMO.commands()).extracting(CommandSpec::id).containsExactly("deploy.service", "status.service",
                "scale.service", "logs.tail", "echo", "login", "maintenance", "help");
        assertThat(DEMO.find("scale.service")).map(CommandSpec::help).contains("help for scale.service");
        assertThat(DEMO.find("nope")).isEmpty();
        assertThat(DEMO.find(null)).isEmpty();
    }
}
