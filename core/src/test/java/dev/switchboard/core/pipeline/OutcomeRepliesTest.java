package dev.switchboard.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.api.command.ParseResult;
import dev.switchboard.api.pipeline.Outcome;
import dev.switchboard.api.reply.Reply;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OutcomeRepliesTest {
    private final OutcomeReplies replies = new OutcomeReplies();

    private String text(Outcome outcome) {
        return replies.render(outcome).orElseThrow().plainText();
    }

    @Test
    void noMatchSuggestsWhatTheUserMayHaveMeant() {
        assertThat(text(new Outcome.NoMatch("deplyo web", List.of("deploy <service> [version] to <env>"))))
                .isEqualTo("I don't know \"deplyo web\". Did you mean:\n  deploy <service> [version] to <env>");
    }

    @Test
    void noMatchWithoutSuggestionsPointsToHelp() {
        assertThat(text(new Outcome.NoMatch("frobnicate", List.of())))
                .isEqualTo("I don't know \"frobnicate\". Type help to see what I can do.");
    }

    @Test
    void theEchoOfWhatWasTypedIsOneShortLine() {
        assertThat(text(new Outcome.NoMatch("rm\n-rf " + "x".repeat(500), List.of())))
                .isEqualTo("I don't know \"rm -rf " + "x".repeat(73) + "…\". Type help to see what I can do.");
    }

    @Test
    void invalidNamesTheArgumentTheValueWhatWasExpectedAndTheUsage() {
        var problem = new ParseResult.Invalid("deploy.service", "env", "qa", "one of staging, prod",
                "deploy <service> [version] to <env>");
        assertThat(text(new Outcome.Invalid(problem))).isEqualTo(
                "env \"qa\" is not valid for deploy.service: expected one of staging, prod.\n"
                        + "Usage: deploy <service> [version] to <env>");
    }

    @Test
    void deniedGivesTheReasonAndTheRef() {
        assertThat(text(new Outcome.Denied("only sre may deploy to prod", "policy.yaml:3", "7f3a2c")))
                .isEqualTo("Denied: only sre may deploy to prod (ref 7f3a2c)");
    }

    @Test
    void failedSaysSomethingWentWrongWithTheRefOnly() {
        assertThat(text(new Outcome.Failed("something went wrong", "7f3a2c")))
                .isEqualTo("Something went wrong (ref 7f3a2c).");
    }

    @Test
    void completedShowsTheReplyItCarries() {
        assertThat(text(new Outcome.Completed(3, true, Reply.text("deployed web to staging"))))
                .isEqualTo("deployed web to staging");
    }

    @Test
    void acceptedIsAnAckWithACancelButton() {
        assertThat(text(new Outcome.Accepted(12, "deploy web to staging is running as job 12")))
                .isEqualTo("⏳ deploy web to staging is running as job 12\n[1] Cancel: type \"cancel 12\"");
    }

    @Test
    void ambiguousListsTheCandidates() {
        assertThat(text(new Outcome.Ambiguous("restart web", List.of("restart.service", "restart.pod"))))
                .contains("restart.service, restart.pod");
    }

    @Test
    void ignoredSaysNothing() {
        assertThat(replies.render(new Outcome.Ignored("empty message"))).isEqualTo(Optional.empty());
    }
}
