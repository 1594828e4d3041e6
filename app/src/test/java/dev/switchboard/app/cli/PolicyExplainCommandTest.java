package dev.switchboard.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code switchboard policy explain}: the policy's reasoning for one user and one line of text, from the file. */
class PolicyExplainCommandTest {
    @TempDir
    Path dir;

    private Path config;

    @BeforeEach
    void writeConfig() throws IOException {
        config = Files.writeString(dir.resolve("switchboard.yaml"), """
                users:
                  - { id: alice, accounts: ["web:alice"], groups: [developers] }
                  - { id: bob, accounts: ["web:bob"], groups: [sre] }
                policy:
                  - { allow: ["deploy.*"], to: ["group:developers"], when: "env != 'prod'" }
                  - { allow: ["deploy.*", "db.*"], to: ["group:sre"] }
                  - { restrict: ["deploy.*"], channels: ["web:#deploys"] }
                commands:
                  - id: deploy.service
                    templates: ["deploy {service} to {env}"]
                    args:
                      env: { type: enum, values: [staging, prod] }
                    action: { reply: { text: "deployed {service} to {env}" } }
                  - id: db.restore
                    templates: ["restore {database}"]
                    action: { reply: { text: "restored {database}" } }
                """);
    }

    private Cli.Run explain(String... args) {
        String[] all = new String[args.length + 4];
        all[0] = "policy";
        all[1] = "explain";
        all[2] = "-c";
        all[3] = config.toString();
        System.arraycopy(args, 0, all, 4, args.length);
        return Cli.run(all);
    }

    @Test
    void anAllowedRequestPrintsEachRuleAndTheDecisionAndExitsZero() {
        Cli.Run run = explain("--user", "bob", "--channel", "web:#deploys", "deploy web to prod");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("\"deploy web to prod\" is deploy.service; for bob in web:#deploys:\n")
                .contains("switchboard.yaml:5:5 allow deploy.* to group:developers")
                .contains("bob is not in group developers")
                .endsWith("decision: allowed (switchboard.yaml:6:5 allow deploy.*, db.* to group:sre)\n");
    }

    @Test
    void aDeniedRequestSaysWhyAndExitsOne() {
        Cli.Run run = explain("--user", "alice", "--channel", "web:#deploys", "deploy", "web", "to", "prod");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("for alice in web:#deploys:")
                .endsWith("decision: denied (default deny): no policy rule lets alice run deploy.service here\n");
    }

    @Test
    void theChannelDefaultsToTheWebGeneralRoomWhereRestrictedCommandsAreDenied() {
        Cli.Run run = explain("--user", "bob", "deploy web to staging");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("for bob in web:#general:").contains("may only run in web:#deploys");
    }

    @Test
    void anUnknownUserNamesTheUsersThatExistAndExitsTwo() {
        Cli.Run run = explain("--user", "alise", "deploy web to staging");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("--user: there is no user 'alise' in " + config
                + "; the users are alice, bob.\n");
    }

    @Test
    void textThatIsNoCommandOffersOnlyWhatThatUserMaySeeAndExitsTwo() {
        Cli.Run alice = explain("--user", "alice", "restroe db1");
        Cli.Run bob = explain("--user", "bob", "restroe db1");

        assertThat(alice.exitCode()).isEqualTo(2);
        assertThat(alice.err()).isEqualTo("\"restroe db1\" is not a command alice could run: it matches no template. "
                + "Run switchboard check to list the commands.\n");
        assertThat(bob.exitCode()).isEqualTo(2);
        assertThat(bob.err()).isEqualTo("\"restroe db1\" is not a command bob could run: it matches no template. "
                + "Did you mean:\n  restore <database>\n");
    }

    @Test
    void anInvalidArgumentSaysWhatWasExpectedAndExitsTwo() {
        Cli.Run run = explain("--user", "bob", "deploy web to qa");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("\"deploy web to qa\" would not run: env 'qa' is not valid for deploy.service; "
                + "expected one of staging, prod.\nUsage: deploy <service> to <env>");
    }

    @Test
    void aBadChannelExitsTwo() {
        Cli.Run run = explain("--user", "bob", "--channel", "deploys", "deploy web to prod");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--channel: expected platform:conversation, like web:#ops");
    }

    @Test
    void anInvalidConfigIsReportedWithItsErrorsAndExitsTwo() throws IOException {
        Files.writeString(config, "users:\n  - { id: alice, acounts: [\"web:alice\"] }\n");

        Cli.Run run = explain("--user", "alice", "ping");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("switchboard.yaml:2:").contains("did you mean 'accounts'")
                .contains("is not valid (1 error), so there is no policy to explain");
    }

    @Test
    void aMissingUserIsAUsageErrorWithExitTwo() {
        Cli.Run run = explain("deploy web to prod");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Missing required option: '--user=<user>'");
    }
}
