package dev.switchboard.plugin.shell;

import dev.switchboard.testkit.RecordingJobContext;
import static dev.switchboard.plugin.shell.Requests.command;
import static dev.switchboard.plugin.shell.Requests.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.switchboard.api.action.Action;
import dev.switchboard.api.action.ActionFactory.Configured;
import dev.switchboard.api.action.ActionResult;
import dev.switchboard.api.command.CommandSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShellActionTest {
    private final RecordingJobContext context = new RecordingJobContext();

    @TempDir
    Path temp;

    private ActionResult run(String template, Map<String, Object> settings, Map<String, String> args)
            throws InterruptedException {
        return run(new ShellActionFactory(temp), template, settings, args);
    }

    private ActionResult run(ShellActionFactory factory, String template, Map<String, Object> settings,
            Map<String, String> args) throws InterruptedException {
        CommandSpec command = command(template, settings);
        Configured configured = factory.configure(command.action(), command);
        assertThat(configured).isInstanceOf(Configured.Ready.class);
        Action action = ((Configured.Ready) configured).action();
        return action.run(request(command, args), context);
    }

    @Test
    void shellMetacharactersInArgumentsArriveAsLiteralArgvEntries() throws Exception {
        Map<String, String> args = new LinkedHashMap<>();
        args.put("a", "; rm -rf /");
        args.put("b", "$(id)");
        args.put("c", "`id` && echo pwned | cat > x");
        args.put("d", "line1\nline2");
        args.put("e", "*");
        ActionResult result = run("run {a} {b} {c} {d} {e}",
                Map.of("argv", List.of(Scripts.path("print-args.sh"), "{a}", "{b}", "{c}", "{d}", "{e}")), args);

        assertThat(result).isEqualTo(new ActionResult.Succeeded(null, 0));
        assertThat(context.lines()).containsExactly("argc=5", "[; rm -rf /]", "[$(id)]",
                "[`id` && echo pwned | cat > x]", "[line1", "line2]", "[*]");
        assertThat(temp.resolve("x")).doesNotExist();
    }

    @Test
    void aTemplateCombinesFixedTextAndAnArgumentIntoOneArgvEntry() throws Exception {
        run("run {service}", Map.of("argv", List.of(Scripts.path("print-args.sh"), "--service={service}", "fixed")),
                Map.of("service", "web billing"));

        assertThat(context.lines()).containsExactly("argc=2", "[--service=web billing]", "[fixed]");
    }

    @Test
    void theChildSeesOnlyTheBasicParentVariablesPlusItsOwn() throws Exception {
        ActionResult result = run("run {name}",
                Map.of("argv", List.of("/usr/bin/env"), "env", Map.of("GREETING", "hello {name}")),
                Map.of("name", "$(whoami)"));

        assertThat(result).isInstanceOf(ActionResult.Succeeded.class);
        List<String> expected = new java.util.ArrayList<>(List.of("GREETING=hello $(whoami)"));
        for (String name : List.of("PATH", "HOME", "LANG", "TZ")) {
            if (System.getenv(name) != null) {
                expected.add(name + "=" + System.getenv(name));
            }
        }
        assertThat(context.lines()).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void inheritEnvGivesTheChildTheWholeParentEnvironment() throws Exception {
        String parentOnly = System.getenv().keySet().stream()
                .filter(name -> !Set.of("PATH", "HOME", "LANG", "TZ").contains(name) && name.matches("[A-Z_]+"))
                .findFirst().orElseThrow(() -> new AssertionError("the test JVM has no other environment variable"));

        run("run", Map.of("argv", List.of("/usr/bin/env"), "inheritEnv", true), Map.of());

        assertThat(context.lines()).contains(parentOnly + "=" + System.getenv(parentOnly));
    }

    @Test
    void aNonZeroExitIsAFailureNamingTheCode() throws Exception {
        ActionResult result = run("fail {code}", Map.of("argv", List.of(Scripts.path("exit-with.sh"), "{code}")),
                Map.of("code", "3"));

        assertThat(result).isEqualTo(new ActionResult.Failed("exited with code 3", 3));
        assertThat(context.lines()).containsExactly("exiting with 3");
    }

    @Test
    void configuredSuccessCodesCountAsSuccess() throws Exception {
        ActionResult result = run("fail {code}",
                Map.of("argv", List.of(Scripts.path("exit-with.sh"), "{code}"), "successCodes", List.of(0, 3)),
                Map.of("code", "3"));

        assertThat(result).isEqualTo(new ActionResult.Succeeded(null, 3));
    }

    @Test
    void stderrLinesAreCapturedUnchangedInTheirOwnOrder() throws Exception {
        run("both", Map.of("argv", List.of(Scripts.path("both-streams.sh"))), Map.of());

        List<String> lines = context.lines();
        assertThat(lines).containsExactlyInAnyOrder("to stdout 1", "to stdout 2", "to stderr 1", "to stderr 2");
        assertThat(lines.indexOf("to stderr 1")).isLessThan(lines.indexOf("to stderr 2"));
        assertThat(lines.indexOf("to stdout 1")).isLessThan(lines.indexOf("to stdout 2"));
    }

    @Test
    void aFloodOfOutputNeitherHangsNorExceedsTheCap() {
        ActionResult result = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> run("flood",
                Map.of("argv", List.of(Scripts.path("flood.sh")), "outputLimit", 500), Map.of()));

        assertThat(result).isEqualTo(new ActionResult.Succeeded(null, 0));
        List<String> lines = context.lines();
        assertThat(lines).hasSize(501).startsWith("line 0", "line 1");
        assertThat(lines).containsOnlyOnce("[output truncated after 500 lines]");
        assertThat(lines.getLast()).isEqualTo("[output truncated after 500 lines]");
    }

    @Test
    void theDefaultCapKeepsTenThousandLines() {
        assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> run("flood", Map.of("argv", List.of(Scripts.path("flood.sh"))), Map.of()));

        assertThat(context.lines()).hasSize(10_001).contains("line 9999").doesNotContain("line 10000");
    }

    @Test
    void theProgramRunsInTheConfiguredWorkdir() throws Exception {
        Path sub = Files.createDirectory(temp.resolve("sub"));
        run("where", Map.of("argv", List.of(Scripts.path("where.sh")), "workdir", "sub"), Map.of());

        assertThat(context.lines()).containsExactly(sub.toRealPath().toString());
    }

    @Test
    void aRelativeProgramResolvesAgainstTheBaseDirectory() throws Exception {
        Path scripts = Files.createDirectory(temp.resolve("scripts"));
        Files.copy(Scripts.dir().resolve("exit-with.sh"), scripts.resolve("x.sh"));

        ActionResult result = run("run", Map.of("argv", List.of("./scripts/x.sh", "0")), Map.of());

        assertThat(result).isEqualTo(new ActionResult.Succeeded(null, 0));
    }

    @Test
    void aMissingProgramIsAClearFailure() throws Exception {
        ActionResult result = run("run", Map.of("argv", List.of("./scripts/x.sh")), Map.of());

        assertThat(result).isEqualTo(new ActionResult.Failed("cannot run ./scripts/x.sh: no such file", null));
    }

    @Test
    void aProgramWithoutExecutePermissionIsAClearFailure() throws Exception {
        Files.writeString(temp.resolve("plain.sh"), "#!/bin/sh\necho hi\n");

        ActionResult result = run("run", Map.of("argv", List.of("./plain.sh")), Map.of());

        assertThat(result).isEqualTo(new ActionResult.Failed("cannot run ./plain.sh: not executable", null));
    }

    @Test
    void aProgramNotOnPathIsAClearFailure() throws IOException, InterruptedException {
        ActionResult result = run("run", Map.of("argv", List.of("no-such-program-8c1f")), Map.of());

        assertThat(result).isEqualTo(new ActionResult.Failed("cannot run no-such-program-8c1f: not found on PATH", null));
    }
}
