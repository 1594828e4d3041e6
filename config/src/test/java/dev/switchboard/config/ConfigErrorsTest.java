package dev.switchboard.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One fixture per kind of mistake; each error must read exactly as a person will see it. */
class ConfigErrorsTest {
    private static final Path DIR = Path.of("src/test/resources/errors");
    private final ConfigLoader loader =
            new ConfigLoader(Map.of("PORT", "s3cr3t-port", "SLACK_BOT_TOKEN", "xoxb-s3cr3t")::get);

    private List<String> errorsOf(String fixture) {
        return switch (loader.load(DIR.resolve(fixture), CommandChecker.NONE)) {
            case LoadResult.Loaded loaded -> throw new AssertionError("expected errors, but loaded " + loaded);
            case LoadResult.Rejected rejected -> rejected.errors().stream().map(ConfigError::toString).toList();
        };
    }

    @Test
    void anUnknownArgumentTypeNamesTheTypesAndTheClosestOne() {
        assertThat(errorsOf("unknown-arg-type.yaml")).containsExactly(
                "unknown-arg-type.yaml:8:20: commands[1].args.env.type: unknown type 'enumm'; expected one of "
                        + "string, int, duration, bool, enum, pattern (did you mean 'enum'?)");
    }

    @Test
    void unknownKeysAndPlatformsSuggestTheKnownOnes() {
        assertThat(errorsOf("unknown-key.yaml")).containsExactly(
                "unknown-key.yaml:3:3: server.prot: unknown key; expected one of bind, port, apiTokens (did you mean 'port'?)",
                "unknown-key.yaml:6:3: chat.slak: unknown chat platform; expected one of web, slack, mattermost, "
                        + "irc, xmpp, discord, teams, matrix (did you mean 'slack'?)");
    }

    @Test
    void wrongTypesSayWhatWasExpectedAndWhatWasWritten() {
        assertThat(errorsOf("wrong-type.yaml")).containsExactly(
                "wrong-type.yaml:1:17: server.port: expected a whole number from 0 to 65535, got a string",
                "wrong-type.yaml:2:19: jobs.ackAfter: expected a duration like 30s, 15m, 2h or 1d, got a number",
                "wrong-type.yaml:4:51: users[0].groups: expected a list of strings, got a number",
                "wrong-type.yaml:5:38: users[1].accounts[1]: expected a string, got a number",
                "wrong-type.yaml:6:11: commands: expected a list of commands, like - { id: hello, template: hello, "
                        + "... }, got a map");
    }

    @Test
    void missingRequiredFieldsPointAtTheMapThatLacksThem() {
        assertThat(errorsOf("missing-field.yaml")).containsExactly(
                "missing-field.yaml:2:5: commands[0].id: missing; expected a dotted lower-case id, like "
                        + "deploy.service",
                "missing-field.yaml:4:5: commands[1].templates: missing; expected template: \"...\" or "
                        + "templates: [\"...\"]",
                "missing-field.yaml:4:5: commands[1].action: missing; expected one action, like shell: "
                        + "{ argv: [...] }",
                "missing-field.yaml:7:5: policy[0]: expected exactly one of allow, approve, restrict, confirm, "
                        + "limit, got none");
    }

    @Test
    void badValuesAreReportedAllAtOnce() {
        assertThat(errorsOf("bad-value.yaml")).containsExactly(
                "bad-value.yaml:1:17: server.port: expected a whole number from 0 to 65535, got '70000'",
                "bad-value.yaml:2:17: storage.url: expected a JDBC URL like jdbc:h2:file:./data/switchboard or "
                        + "jdbc:postgresql://db:5432/switchboard",
                "bad-value.yaml:4:17: chat.web.login: unknown login mode 'opne'; expected one of password, open "
                        + "(did you mean 'open'?)",
                "bad-value.yaml:5:19: jobs.ackAfter: expected a duration like 30s, 15m, 2h or 1d, got '2 minutes'",
                "bad-value.yaml:7:9: commands[0].id: expected a dotted lower-case id, like deploy.service, got "
                        + "'Deploy'",
                "bad-value.yaml:10:40: commands[0].args.service.regex: invalid regular expression: Illegal "
                        + "character range at index 3",
                "bad-value.yaml:11:36: commands[0].args.count.values: 'A' is listed twice (values match "
                        + "case-insensitively)",
                "bad-value.yaml:12:46: commands[0].args.tag.regex: applies only to type pattern, not enum",
                "bad-value.yaml:13:11: commands[0].lock: invalid lock name: column 8: expected {argument} with a "
                        + "name made of letters, digits and _, in 'deploy:{service'",
                "bad-value.yaml:14:14: commands[0].timeout: expected a duration like 30s, 15m, 2h or 1d, got 'soon'",
                "bad-value.yaml:15:13: commands[0].action: expected exactly one action kind, like shell: "
                        + "{ argv: [...] }, got shell, http");
    }

    @Test
    void duplicatesNameWhereTheFirstOneIs() {
        assertThat(errorsOf("duplicates.yaml")).containsExactly(
                "duplicates.yaml:3:3: server.port: duplicate key (first at duplicates.yaml:2:3)",
                "duplicates.yaml:6:11: users[1].id: duplicate user id 'alice' (first at duplicates.yaml:5:11)",
                "duplicates.yaml:7:29: users[2].accounts[0]: account 'web:alice' already belongs to user alice "
                        + "(at duplicates.yaml:5:29)",
                "duplicates.yaml:7:42: users[2].accounts[1]: unknown platform 'sack'; expected one of web, slack, "
                        + "mattermost, irc, xmpp, discord, teams, matrix (did you mean 'slack'?)",
                "duplicates.yaml:7:53: users[2].accounts[2]: expected platform:id, like web:alice or "
                        + "slack:T01/U123, got 'carol'",
                "duplicates.yaml:10:11: commands[1].id: duplicate command id 'hello' (first at duplicates.yaml:9:11)");
    }

    @Test
    void aYamlSyntaxErrorNamesItsLineAndColumn() {
        assertThat(errorsOf("syntax.yaml")).containsExactly(
                "syntax.yaml:4:9: YAML syntax error: expected ',' or ']', but got : (while parsing a flow sequence "
                        + "that starts at line 3, column 8)");
    }

    @Test
    void policyRulesOfTheWrongShapeAreRejected() {
        assertThat(errorsOf("policy-shape.yaml")).containsExactly(
                "policy-shape.yaml:2:5: policy[0]: expected exactly one of allow, approve, restrict, confirm, limit, "
                        + "got allow and approve; write them as separate rules",
                "policy-shape.yaml:3:5: policy[1]: expected exactly one of allow, approve, restrict, confirm, limit, "
                        + "got none",
                "policy-shape.yaml:4:32: policy[2].by: does not apply to allow rules; they take to, when",
                "policy-shape.yaml:5:5: policy[3].by: missing; expected 'by', which approve rules need",
                "policy-shape.yaml:5:37: policy[3].count: expected a whole number from 1 to 100, got '0'",
                "policy-shape.yaml:6:17: policy[4].restrict: expected at least one command id or pattern, like "
                        + "deploy.*",
                "policy-shape.yaml:7:5: policy[5]: expected a map with keys allow, approve, restrict, confirm, limit, "
                        + "to, when, by, count, ttl, announce, channels, verified, rate, got a string");
    }

    @Test
    void unresolvableReferencesAreErrorsThatNeverShowAResolvedSecret() {
        List<String> errors = errorsOf("references.yaml");
        assertThat(errors).containsExactly(
                "references.yaml:3:13: storage.password: environment variable NOPE is not set",
                "references.yaml:5:22: chat.slack.appToken: unknown reference '${vault:...}'; expected ${env:NAME} "
                        + "or ${file:/path} (write $${ for a literal ${)",
                "references.yaml:5:54: chat.slack.botToken: unterminated '${'; write ${env:NAME} or ${file:/path}, "
                        + "or $${ for a literal ${",
                "references.yaml:6:61: chat.irc.saslPassword: secret file missing-secret.txt does not exist",
                "references.yaml:7:17: server.port: expected a whole number from 0 to 65535, got a string");
        assertThat(String.join("\n", errors)).doesNotContain("s3cr3t");
    }

    @Test
    void aliasesAreRejectedOnce() {
        assertThat(errorsOf("alias.yaml")).containsExactly(
                "alias.yaml:3:26: users[0].groups: YAML aliases (*g) are not supported; repeat the value or move it "
                        + "to an included file");
    }

    @Test
    void aMissingFileSaysWhereItWasLookedFor() {
        assertThat(errorsOf("nope.yaml")).containsExactly(
                "nope.yaml: file not found (looked for " + DIR.resolve("nope.yaml").toAbsolutePath() + ")");
    }
}
