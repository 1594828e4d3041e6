package dev.switchboard.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.api.pipeline.Exchange;
import dev.switchboard.api.pipeline.Outcome;
import dev.switchboard.api.pipeline.Stage;
import dev.switchboard.api.pipeline.StageSlot;
import dev.switchboard.api.reply.Reply;
import dev.switchboard.core.fixtures.Fixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class StageChainTest {
    private final List<String> ran = new ArrayList<>();

    private Stage pass(String name) {
        return (ex, chain) -> {
            ran.add(name);
            return chain.proceed(ex);
        };
    }

    private Pipeline.Builder pipeline(Stage execute) {
        return Pipeline.builder().ids(() -> "7f3a2c")
                .reply(pass("reply")).audit(pass("audit")).identity(pass("identity")).parse(pass("parse"))
                .authorize(pass("authorize")).confirm(pass("confirm")).approve(pass("approve")).execute(execute);
    }

    private final Stage answer = (ex, chain) -> {
        ran.add("execute");
        return new Outcome.Replied(Reply.text("done"));
    };

    @Test
    void pluginStagesRunOnlyAtTheirSlotsBetweenTheSecurityStages() {
        Outcome outcome = pipeline(answer)
                .stage(StageSlot.BEFORE_EXECUTE, pass("plugin-before-execute"))
                .stage(StageSlot.AFTER_IDENTITY, pass("plugin-after-identity"))
                .stage(StageSlot.AFTER_PARSE, pass("plugin-after-parse"))
                .build().handle(Fixtures.message("alice", "ping"));

        assertThat(outcome).isEqualTo(new Outcome.Replied(Reply.text("done")));
        assertThat(ran).containsExactly("reply", "audit", "identity", "plugin-after-identity", "parse",
                "plugin-after-parse", "authorize", "confirm", "approve", "plugin-before-execute", "execute");
    }

    @Test
    void aStageThatProceedsTwiceFailsTheMessageAndTheRestRunsOnlyOnce() {
        AtomicInteger executions = new AtomicInteger();
        Stage twice = (ex, chain) -> {
            chain.proceed(ex);
            return chain.proceed(ex);
        };
        Outcome outcome = pipeline((ex, chain) -> {
            executions.incrementAndGet();
            return new Outcome.Replied(Reply.text("done"));
        }).stage(StageSlot.BEFORE_EXECUTE, twice).build().handle(Fixtures.message("alice", "ping"));

        assertThat(outcome).isEqualTo(new Outcome.Failed("something went wrong", "7f3a2c"));
        assertThat(executions).hasValue(1);
    }

    @Test
    void aStageThatIgnoresTheSecondProceedsFailureStillFailsTheMessage() {
        Stage sneaky = (ex, chain) -> {
            Outcome first = chain.proceed(ex);
            chain.proceed(ex);
            return first;
        };
        Outcome outcome = pipeline(answer).stage(StageSlot.AFTER_PARSE, sneaky).build()
                .handle(Fixtures.message("alice", "ping"));

        assertThat(outcome).isInstanceOf(Outcome.Failed.class);
    }

    @Test
    void aStageThatReturnsNullFailsTheMessageWithARef() {
        Outcome outcome = pipeline(answer).stage(StageSlot.AFTER_IDENTITY, (ex, chain) -> null).build()
                .handle(Fixtures.message("alice", "ping"));

        assertThat(outcome).isEqualTo(new Outcome.Failed("something went wrong", "7f3a2c"));
        assertThat(ran).doesNotContain("execute");
    }

    @Test
    void anExecuteStageThatProceedsFailsInsteadOfRunningOffTheEnd() {
        Stage proceeds = (Exchange ex, Stage.Chain chain) -> chain.proceed(ex);
        Outcome outcome = pipeline(proceeds).build().handle(Fixtures.message("alice", "ping"));

        assertThat(outcome).isInstanceOf(Outcome.Failed.class);
    }

    @Test
    void aPipelineWithoutASecurityStageCannotBeBuilt() {
        Pipeline.Builder builder = pipeline(answer).authorize(null);
        org.assertj.core.api.Assertions.assertThatThrownBy(builder::build)
                .hasMessageContaining("authorize");
    }
}
