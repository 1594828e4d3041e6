package dev.switchboard.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.switchboard.api.pipeline.Outcome;
import dev.switchboard.api.pipeline.StageSlot;
import dev.switchboard.api.reply.Reply;
import dev.switchboard.core.fixtures.Fixtures;
import dev.switchboard.core.fixtures.TestEngine;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class EngineTest {
    private final TestEngine parts = new TestEngine();

    @Test
    void aMessageHandedToTheSinkIsAnsweredOnItsOwnThread() {
        try (Engine engine = parts.build()) {
            engine.sink().accept(Fixtures.message("alice", "ping"));

            await().atMost(Duration.ofSeconds(5)).until(() -> parts.gateway.said().contains("pong"));
        }
    }

    @Test
    void aPluginStageSeesOnlyIdentifiedAndParsedMessages() {
        StringBuilder seen = new StringBuilder();
        Engine engine = Engine.builder().identity(parts.identity).policy(parts.policy)
                .commands(Fixtures.commands(Fixtures.DEPLOY)).jobs(parts.jobs).audit(parts.audit, parts.store)
                .gateway(parts.gateway).ids(() -> "ref1").pending(new dev.switchboard.core.approval.InMemoryPendingStore())
                .stage(StageSlot.AFTER_PARSE, (ex, chain) -> {
                    seen.append(ex.principal().id()).append(' ').append(ex.invocation().commandId());
                    return chain.proceed(ex);
                })
                .build();

        Outcome outcome = engine.pipeline().handle(Fixtures.message("alice", "ping"));

        assertThat(outcome).isEqualTo(new Outcome.Replied(Reply.text("pong")));
        assertThat(seen).hasToString("alice ping");
    }

    @Test
    void anEngineWithoutAPolicyCannotBeBuilt() {
        assertThatThrownBy(() -> Engine.builder().identity(parts.identity).commands(Fixtures.commands())
                .jobs(parts.jobs).audit(parts.audit, parts.store).gateway(parts.gateway).build())
                .hasMessageContaining("policy");
    }

    @Test
    void aClosedEngineTakesNoMoreMessages() {
        Engine engine = parts.build();
        engine.close();

        assertThatThrownBy(engine::sink).hasMessageContaining("closed");
    }
}
