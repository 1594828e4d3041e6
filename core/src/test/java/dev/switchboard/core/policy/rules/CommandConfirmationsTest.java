package dev.switchboard.core.policy.rules;

import static dev.switchboard.core.policy.rules.PolicyFixtures.command;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CommandConfirmationsTest {
    private static final String TEMPLATE = "deploy {service} {version=latest} to {env}";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "env == 'prod'",
            "service in ['web'] && version != 'latest'",
            "user == 'root' || channel matches '^web:'",
            "'   '",
    })
    void conditionsOverTheCommandsArgumentsAndContextPass(String condition) {
        assertThat(CommandConfirmations.problems(command("deploy.service", TEMPLATE, condition))).isEmpty();
    }

    @Test
    void aCommandWithoutConfirmHasNothingToCheck() {
        assertThat(CommandConfirmations.problems(command("deploy.service", TEMPLATE, null))).isEmpty();
    }

    @Test
    void aSyntaxErrorNamesItsColumn() {
        assertThat(CommandConfirmations.problems(command("deploy.service", TEMPLATE, "env == prod"))).containsExactly(
                "column 8: expected a quoted string after ==, found 'prod' (values are quoted: 'prod')");
    }

    @Test
    void aNameTheCommandDoesNotHaveIsATypoWithAGuess() {
        assertThat(CommandConfirmations.problems(command("deploy.service", TEMPLATE, "evn == 'prod' && zone == 'x'")))
                .containsExactly("'evn' is neither an argument of deploy.service nor one of user, channel,"
                                + " platform, command, so it is never set; did you mean 'env'?",
                        "'zone' is neither an argument of deploy.service nor one of user, channel, platform,"
                                + " command, so it is never set");
    }
}
