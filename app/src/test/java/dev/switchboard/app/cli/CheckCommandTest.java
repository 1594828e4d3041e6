package dev.switchboard.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.app.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckCommandTest {
    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {}

    private Run check(String yaml) throws IOException {
        Path file = dir.resolve("switchboard.yaml");
        Files.writeString(file, yaml);
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int exit = Main.run("check", "-c", file.toString());
            return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void aValidFileListsItsCommandsWithTheirUsage() throws IOException {
        Run run = check("""
                plugins: { shell: {} }
                commands:
                  - id: deploy.service
                    templates: ["deploy {service} to {env}"]
                    args:
                      env: { type: enum, values: [staging, prod] }
                    examples: ["deploy web to staging"]
                    action: { shell: { argv: ["/bin/echo", "{service}", "{env}"] } }
                """);

        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("is valid: 1 commands").contains("deploy.service")
                .contains("deploy <service> to <env>");
    }

    @Test
    void everyErrorIsPrintedAtOnceWithFileLineAndColumnAndTheExitCodeIsNonZero() throws IOException {
        Run run = check("""
                servr: { port: 8080 }
                commands:
                  - id: deploy.service
                    templates: ["deploy {service} to {env}"]
                    args:
                      env: { type: enumm, values: [staging, prod] }
                    action: { shell: { argv: ["/bin/echo"] } }
                """);

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("switchboard.yaml:1:1: servr: ").contains("did you mean 'server'")
                .contains("switchboard.yaml:6:").contains("unknown type 'enumm'").contains("errors; nothing was started");
    }

    @Test
    void anExampleThatDoesNotParseAndADisabledPluginAreBothReported() throws IOException {
        Run run = check("""
                commands:
                  - id: deploy.service
                    templates: ["deploy {service} to {env}"]
                    args:
                      env: { type: enum, values: [staging, prod] }
                    examples: ["deploy web to qa"]
                    action: { shell: { argv: ["/bin/echo"] } }
                """);

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("examples[0]").contains("qa")
                .contains("the shell plugin, which is not enabled");
    }

    @Test
    void anApproveRuleForCommandsNobodyMayRunIsRefusedAtTheRule() throws IOException {
        Run run = check("""
                policy:
                  - { approve: ["deploy.*"], when: "env == 'prod'", by: ["group:sre"], count: 1, ttl: 30m }
                commands: []
                """);

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("switchboard.yaml:2:").contains("deploy.*");
    }

    @Test
    void allowAndRestrictRulesAreCheckedAgainstTheConfiguredGroupsAndConditions() throws IOException {
        Run run = check("""
                users:
                  - { id: alice, accounts: ["web:alice"], groups: [developers] }
                policy:
                  - { allow: ["deploy.*"], to: ["group:developrs"], when: "env != prod" }
                  - { restrict: ["deploy.*"], channels: ["web:#deploys"] }
                plugins: { shell: {} }
                commands:
                  - id: deploy.service
                    templates: ["deploy {service} to {env}"]
                    action: { shell: { argv: ["/bin/echo", "{service}", "{env}"] } }
                """);

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("switchboard.yaml:4:").contains("developrs").contains("developers")
                .contains("when: column 8");
    }

    @Test
    void aValidAllowAndRestrictPolicyPasses() throws IOException {
        Run run = check("""
                users:
                  - { id: alice, accounts: ["web:alice"], groups: [developers] }
                policy:
                  - { allow: ["deploy.*"], to: ["group:developers"], when: "env != 'prod'" }
                  - { restrict: ["deploy.*"], channels: ["web:#deploys"] }
                plugins: { shell: {} }
                commands:
                  - id: deploy.service
                    templates: ["deploy {service} to {env}"]
                    action: { shell: { argv: ["/bin/echo", "{service}", "{env}"] } }
                """);

        assertThat(run.exit()).as(run.err()).isZero();
    }

    @Test
    void aCommandsConfirmConditionIsCheckedWhereItIsWritten() throws IOException {
        Run run = check("""
                plugins: { shell: {} }
                commands:
                  - id: deploy.service
                    templates: ["deploy {service} to {env}"]
                    confirm: "env == prod"
                    action: { shell: { argv: ["/bin/echo", "{service}", "{env}"] } }
                  - id: scale.service
                    templates: ["scale {service} to {replicas}"]
                    confirm: "replica == '0'"
                    action: { shell: { argv: ["/bin/echo", "{service}"] } }
                """);

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("switchboard.yaml:5:14: commands[0].confirm: column 8: expected a quoted"
                + " string after ==, found 'prod'").contains("switchboard.yaml:9:14: commands[1].confirm: 'replica'"
                + " is neither an argument of scale.service nor one of user, channel, platform, command, so it is"
                + " never set; did you mean 'replicas'?");
    }

    @Test
    void policyRulesMustNameKnownCommandsAndArguments() throws IOException {
        Run run = check("""
                policy:
                  - { allow: ["deploy.servce"] }
                  - { allow: ["deploy.*"], when: "evn != 'prod'" }
                plugins: { shell: {} }
                commands:
                  - id: deploy.service
                    templates: ["deploy {service} to {env}"]
                    action: { shell: { argv: ["/bin/echo", "{service}", "{env}"] } }
                """);

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("switchboard.yaml:2:5: policy: allow: 'deploy.servce' matches no known"
                + " command; did you mean 'deploy.service'?").contains("switchboard.yaml:3:5: policy: when: 'evn' is"
                + " neither an argument of deploy.service");
    }

    @Test
    void theDemoConfigurationIsValid() {
        Path demo = Path.of("..", "examples", "demo.yaml");
        assertThat(demo).exists();
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try {
            System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            exit = Main.run("check", "-c", demo.toString());
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
    }
}
