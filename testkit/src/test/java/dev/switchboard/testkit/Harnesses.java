package dev.switchboard.testkit;

import static dev.switchboard.testkit.Commands.command;

/** The harness as the transcript tests here use it: alice in developers, a deploy command and a slow one. */
final class Harnesses {
    private Harnesses() {}

    static HarnessBuilder builder() {
        return ChatTestHarness.builder()
                .parser(SimpleParser::new)
                .jobs(FakeJobs::new)
                .version("1.4.0")
                .command(command("deploy.service").template("deploy {service} to {env}")
                        .enumArg("service", "web", "billing").enumArg("env", "staging", "prod")
                        .help("Deploy a service to an environment").example("deploy web to staging")
                        .reply("deployed {service} to {env}"))
                .command(command("backup.db").template("backup {database}").help("Back up a database")
                        .action("slow", java.util.Map.of()));
    }

    static ChatTestHarness standard() {
        return builder().build().user("alice", "developers");
    }
}
