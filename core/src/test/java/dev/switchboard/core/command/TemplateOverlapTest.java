package dev.switchboard.core.command;

import static dev.switchboard.core.command.Commands.command;
import static dev.switchboard.core.command.Commands.duration;
import static dev.switchboard.core.command.Commands.matching;
import static dev.switchboard.core.command.Commands.number;
import static dev.switchboard.core.command.Commands.oneOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.api.command.CommandSpec;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TemplateOverlapTest {

    static Stream<Arguments> pairs() {
        return Stream.of(
                pair(true, command("first", "restart {service}"), command("second", "restart all")),
                pair(false, command("first", "restart {service}").arg(oneOf("service", "web", "billing")),
                        command("second", "restart all")),
                pair(true, command("first", "restart {service}").arg(oneOf("service", "web", "ALL")),
                        command("second", "restart all")),
                pair(true, command("first", "deploy {service} {version=latest} to {env}"),
                        command("second", "deploy {service} to {env}")),
                pair(false, command("first", "deploy {service} to {env}"),
                        command("second", "deploy {service} to {env} now")),
                pair(true, command("first", "echo {message...}"), command("second", "echo hello world")),
                pair(false, command("first", "echo {message...}"), command("second", "echo")),
                pair(true, command("first", "say {a} {rest...}"), command("second", "say {words...}")),
                pair(false, command("first", "status {a} {b=x}"), command("second", "status {c} {d} {e}")),
                pair(true, command("first", "ls {x=a} {y=b}"), command("second", "ls")),
                pair(false, command("first", "scale {n}").arg(number("n", 1, 9)), command("second", "scale up")),
                pair(true, command("first", "scale {n}").arg(number("n", 1, 9)), command("second", "scale 3")),
                pair(false, command("first", "wait {d}").arg(duration("d")), command("second", "wait forever")),
                pair(true, command("first", "wait {d}").arg(duration("d")), command("second", "wait 5M")),
                pair(false, command("first", "open {ticket}").arg(matching("ticket", "[A-Z]+-[0-9]+")),
                        command("second", "open inbox")),
                pair(true, command("first", "open {ticket}").arg(matching("ticket", "[A-Z]+")),
                        command("second", "open inbox")),
                pair(false, command("first", "get {kind}").arg(oneOf("kind", "pods", "nodes")),
                        command("second", "get {what}").arg(oneOf("what", "services"))),
                pair(true, command("first", "get {kind}").arg(oneOf("kind", "pods", "nodes")),
                        command("second", "get {what}").arg(oneOf("what", "Nodes", "jobs"))),
                pair(false, command("first", "get {kind}").arg(oneOf("kind", "pods")),
                        command("second", "get {n}").arg(number("n", 0, 100))),
                pair(true, command("first", "get {a}").arg(number("a", 0, 5)),
                        command("second", "get {b}").arg(matching("b", "[a-z]+"))),
                pair(false, command("first", "alpha {x...}"), command("second", "beta {x...}")),
                pair(true, command("first", "a {x=1} b"), command("second", "a b")),
                pair(false, command("first", "a {x=1} b"), command("second", "a b c")));
    }

    private static Arguments pair(boolean overlaps, Commands first, Commands second) {
        CommandSpec a = first.spec();
        CommandSpec b = second.spec();
        return Arguments.of(a.templates().getFirst() + (overlaps ? " ~ " : " ≁ ") + b.templates().getFirst(),
                a, b, overlaps);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pairs")
    void templatesOfDifferentCommandsMayNotMatchTheSameText(String name, CommandSpec a, CommandSpec b,
            boolean overlaps) {
        var compilation = CommandCatalog.compile(List.of(a, b));
        if (overlaps) {
            assertThat(compilation).isInstanceOfSatisfying(Compilation.Rejected.class, r ->
                    assertThat(r.problems()).singleElement().satisfies(p -> {
                        assertThat(p.commandId()).isEqualTo("second");
                        assertThat(p.where()).isEqualTo("templates[0]");
                        assertThat(p.message()).contains("'" + b.templates().getFirst() + "'",
                                "'" + a.templates().getFirst() + "'", "of command first");
                    }));
        } else {
            assertThat(compilation).isInstanceOf(Compilation.Compiled.class);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pairs")
    void overlapDoesNotDependOnDeclarationOrder(String name, CommandSpec a, CommandSpec b, boolean overlaps) {
        var compilation = CommandCatalog.compile(List.of(b, a));
        assertThat(compilation instanceof Compilation.Rejected).isEqualTo(overlaps);
    }
}
