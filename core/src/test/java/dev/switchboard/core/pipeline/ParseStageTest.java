package dev.switchboard.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.api.audit.AuditEventType;
import dev.switchboard.api.pipeline.Outcome;
import dev.switchboard.core.fixtures.Fixtures;
import dev.switchboard.core.fixtures.TestEngine;
import org.junit.jupiter.api.Test;

class ParseStageTest {
    private final TestEngine engine = new TestEngine();

    @Test
    void anOverLongMessageIsRefusedWithoutParsingAndAudited() {
        Outcome outcome = engine.build().pipeline().handle(Fixtures.message("alice", "x".repeat(4001)));

        assertThat(engine.gateway.said()).containsExactly(
                "Message too long (4001 characters); commands are at most 4000");
        assertThat(outcome).isInstanceOf(Outcome.Invalid.class);
        assertThat(engine.auditTypes()).containsExactly(AuditEventType.RECEIVED, AuditEventType.INVALID);
    }

    @Test
    void aBlankMessageIsIgnoredSilently() {
        Outcome outcome = engine.build().pipeline().handle(Fixtures.message("alice", "  \n "));

        assertThat(outcome).isInstanceOf(Outcome.Ignored.class);
        assertThat(engine.gateway.said()).isEmpty();
    }

    @Test
    void aBadArgumentIsAnsweredWithWhatWasExpected() {
        engine.build().pipeline().handle(Fixtures.message("alice", "deploy web to qa"));

        assertThat(engine.gateway.said()).containsExactly(
                "env \"qa\" is not valid for deploy.service: expected one of staging, prod.\n"
                        + "Usage: deploy {service} to {env}");
        assertThat(engine.lastEvent().detail()).containsEntry("reason", "env is not one of staging, prod");
    }
}
