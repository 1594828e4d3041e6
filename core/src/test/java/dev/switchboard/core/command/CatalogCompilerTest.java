package dev.switchboard.core.command;

import static dev.switchboard.core.command.Commands.command;
import static dev.switchboard.core.command.Commands.matching;
import static dev.switchboard.core.command.Commands.number;
import static dev.switchboard.core.command.Commands.oneOf;
import static dev.switchboard.core.command.Commands.problems;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.api.command.ActionSpec;
import dev.switchboard.api.command.ArgSpec;
import dev.switchboard.api.command.CommandSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CatalogCompilerTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ';', quoteCharacter = '`', textBlock = """
            deploy {service to {env}      ; column 8: '{' is never closed
            deploy service} to env        ; column 15: '}' without '{'
            deploy {}                     ; column 8: argument without a name
            deploy {9lives}               ; column 8: invalid argument name '9lives'
            deploy {a b}                  ; column 8: invalid argument name 'a b'
            deploy x{service}             ; column 9: '{' inside a word
            deploy {a}{b}                 ; column 11: expected a space after '}'
            echo {message...} now         ; column 6: {message...} takes the rest of the line, so it must be the last
            echo {message...=hi}          ; column 6: {message...} takes the rest of the line and cannot have a default
            {service} restart             ; column 1: a template must start with a literal word, not with {service}
            "quoted" word                 ; column 1: a literal word cannot start with a quote
            copy {x} to {x}               ; column 13: argument {x} is used twice
            `   `                         ; the template is empty
            """)
    void templateSyntaxErrorsNameTheColumnAndWhatWasExpected(String template, String message) {
        assertThat(problems(command("bad", template).spec())).singleElement().satisfies(p -> {
            assertThat(p.commandId()).isEqualTo("bad");
            assertThat(p.where()).isEqualTo("templates[0]");
            assertThat(p.message()).startsWith(message).contains("'" + template + "'");
        });
    }

    @Test
    void everyProblemOfEveryTemplateIsReported() {
        List<TemplateProblem> found = problems(command("bad", "ok {a}", "{a} {a}", "x {rest...} {b}").spec());
        assertThat(found).extracting(TemplateProblem::where, p -> p.message().substring(0, p.message().indexOf(':')))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("templates[1]", "column 1"),
                        org.assertj.core.groups.Tuple.tuple("templates[1]", "column 5"),
                        org.assertj.core.groups.Tuple.tuple("templates[2]", "column 3"));
    }

    @Test
    void defaultMustPassItsArgumentsType() {
        List<TemplateProblem> found = problems(command("deploy.service", "deploy {service} {version=newest}")
                .arg(matching("version", "[0-9]+\\.[0-9]+")).spec());
        assertThat(found).containsExactly(new TemplateProblem("deploy.service", "templates[0]",
                "column 18: the default 'newest' of {version} is not valid; expected a value matching "
                        + "[0-9]+\\.[0-9]+, in 'deploy {service} {version=newest}'"));
    }

    @Test
    void secretDefaultIsNotEchoedInTheProblem() {
        List<TemplateProblem> found = problems(command("login", "login {token=letmein}")
                .arg(Commands.secret("token")).spec());
        assertThat(found).singleElement().satisfies(p -> assertThat(p.message())
                .contains("the default *** of {token}").doesNotContain("letmein'"));
    }

    @Test
    void duplicateCommandIdIsReportedOnTheLaterCommand() {
        List<TemplateProblem> found = problems(command("deploy", "deploy {x}").spec(),
                command("deploy", "ship {x}").spec());
        assertThat(found).containsExactly(new TemplateProblem("deploy", "id",
                "command id 'deploy' is already declared at deploy.yaml:1:1; every command needs its own id"));
    }

    @ParameterizedTest
    @CsvSource({"Deploy", "deploy service", "deploy..service", ".deploy", "deploy.", "1deploy"})
    void commandIdMustBeDottedLowerCase(String id) {
        assertThat(problems(command(id, "deploy").spec()))
                .containsExactly(new TemplateProblem(id, "id", "invalid command id '" + id
                        + "'; expected dotted lower case words like deploy.service"));
    }

    @Test
    void declaredArgumentThatNoTemplateUsesIsReported() {
        List<TemplateProblem> found = problems(command("deploy.service", "deploy {service}", "ship {service}")
                .arg(oneOf("service", "web")).arg(number("replicas", 1, 9)).spec());
        assertThat(found).containsExactly(new TemplateProblem("deploy.service", "args.replicas",
                "argument 'replicas' is declared but no template uses it; expected {replicas} in a template, "
                        + "or remove the declaration"));
    }

    @Test
    void argumentDeclaredUnderAnotherNameIsReported() {
        CommandSpec spec = new CommandSpec("deploy", List.of("deploy {service}"),
                Map.of("service", ArgSpec.text("svc")), "", List.of(), null, null, null,
                new ActionSpec("reply", Map.of()), null);
        assertThat(problems(spec)).extracting(TemplateProblem::where).containsExactly("args.service");
    }

    @Test
    void examplesMustParseToTheirOwnCommand() {
        List<TemplateProblem> found = problems(
                command("deploy.service", "deploy {service} to {env}")
                        .arg(oneOf("service", "web")).arg(oneOf("env", "staging", "prod"))
                        .examples("deploy web to prod", "deploy web to moon", "ship web", "status web").spec(),
                command("status.service", "status {service}").arg(oneOf("service", "web"))
                        .examples("deploy web to staging").spec());
        assertThat(found).containsExactly(
                new TemplateProblem("deploy.service", "examples[1]",
                        "example 'deploy web to moon' has an invalid argument env 'moon'; "
                                + "expected one of staging, prod"),
                new TemplateProblem("deploy.service", "examples[2]",
                        "example 'ship web' matches no template; expected deploy <service> to <env>"),
                new TemplateProblem("deploy.service", "examples[3]",
                        "example 'status web' parses to command status.service instead"),
                new TemplateProblem("status.service", "examples[0]",
                        "example 'deploy web to staging' parses to command deploy.service instead"));
    }

    @Test
    void overlappingCommandsAreReportedOnTheLaterOneNamingBoth() {
        List<TemplateProblem> found = problems(
                command("restart.service", "restart {service}").spec(),
                command("restart.all", "bounce everything", "restart all").spec());
        assertThat(found).containsExactly(new TemplateProblem("restart.all", "templates[1]",
                "'restart all' can match the same text as 'restart {service}' of command restart.service "
                        + "(templates[0]); expected different literal words or enum values so that every line "
                        + "names one command"));
    }

    @Test
    void problemsOfDifferentCommandsAreAllCollectedInDeclarationOrder() {
        List<TemplateProblem> found = problems(
                command("a", "a {x").spec(),
                command("b", "b").arg(number("n", 1, 2)).spec(),
                command("a", "c").spec(),
                command("d", "d {x}").examples("d").spec());
        assertThat(found).extracting(TemplateProblem::commandId, TemplateProblem::where).containsExactly(
                org.assertj.core.groups.Tuple.tuple("a", "templates[0]"),
                org.assertj.core.groups.Tuple.tuple("b", "args.n"),
                org.assertj.core.groups.Tuple.tuple("a", "id"),
                org.assertj.core.groups.Tuple.tuple("d", "examples[0]"));
    }

    @Test
    void aBrokenCommandIsLeftOutOfTheCrossChecksSoItsMistakeIsReportedOnce() {
        List<TemplateProblem> found = problems(command("deploy", "deploy {service").examples("deploy web").spec(),
                command("ship", "deploy {x}").spec());
        assertThat(found).extracting(TemplateProblem::where).containsExactly("templates[0]");
    }

    @Test
    void theDemoCommandsCompile() {
        assertThat(Commands.demo().commands()).hasSize(8);
    }
}
