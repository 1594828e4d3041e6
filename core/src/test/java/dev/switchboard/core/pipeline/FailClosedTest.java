package dev.switchboard.core.pipeline;

import static dev.switchboard.api.audit.AuditEventType.DENIED;
import static dev.switchboard.api.audit.AuditEventType.RECEIVED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.api.StorageException;
import dev.switchboard.api.audit.AuditEventType;
import dev.switchboard.api.pipeline.Outcome;
import dev.switchboard.api.approval.PendingStore;
import dev.switchboard.api.policy.Decision;
import dev.switchboard.core.fixtures.Fixtures;
import dev.switchboard.core.fixtures.TestEngine;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class FailClosedTest {
    private final TestEngine engine = new TestEngine();

    @Test
    void aBrokenIdentityResolverDeniesWithARefAndNothingRuns() {
        engine.identity = user -> {
            throw new IllegalStateException("directory down");
        };
        Outcome outcome = engine.build().pipeline().handle(Fixtures.message("alice", "deploy web to staging"));

        assertThat(outcome).isEqualTo(new Outcome.Denied("your identity cannot be checked right now", "fail closed", "a0"));
        assertThat(engine.jobs.ran).isEmpty();
        assertThat(engine.gateway.said()).containsExactly(
                "Denied: your identity cannot be checked right now (ref a0)");
        assertThat(engine.auditTypes()).containsExactly(RECEIVED, DENIED);
    }

    @Test
    void anIdentityResolverReturningNullDenies() {
        engine.identity = user -> null;
        Outcome outcome = engine.build().pipeline().handle(Fixtures.message("alice", "deploy web to staging"));

        assertThat(outcome).isInstanceOf(Outcome.Denied.class);
        assertThat(engine.jobs.ran).isEmpty();
    }

    @Test
    void aBrokenPolicyDeniesWithARefAndNothingRuns() {
        engine.policy = (p, i, c) -> {
            throw new IllegalStateException("rules failed to load");
        };
        Outcome outcome = engine.build().pipeline().handle(Fixtures.message("alice", "deploy web to staging"));

        assertThat(outcome).isEqualTo(new Outcome.Denied("authorization is unavailable right now", "fail closed", "a0"));
        assertThat(engine.jobs.ran).isEmpty();
        assertThat(engine.lastEvent().commandId()).isEqualTo("deploy.service");
        assertThat(engine.lastEvent().actor()).isEqualTo("alice");
        assertThat(engine.lastEvent().rule()).isEqualTo("fail closed");
    }

    @Test
    void aPolicyReturningNullDenies() {
        engine.policy = (p, i, c) -> null;
        Outcome outcome = engine.build().pipeline().handle(Fixtures.message("alice", "deploy web to staging"));

        assertThat(outcome).isInstanceOf(Outcome.Denied.class);
        assertThat(engine.jobs.ran).isEmpty();
    }

    @Test
    void aCommandNeedingApprovalIsParkedNotRun() {
        engine.policy = (p, i, c) -> new Decision.RequireApproval("policy.yaml:4 approve deploy.*", List.of("group:sre"),
                1, Duration.ofMinutes(30));
        Outcome outcome = engine.build().pipeline().handle(Fixtures.message("alice", "deploy web to prod"));

        assertThat(outcome).isInstanceOf(Outcome.PendingApproval.class);
        assertThat(engine.jobs.ran).isEmpty();
        assertThat(engine.auditTypes()).contains(AuditEventType.APPROVAL_REQUESTED);
    }

    @Test
    void anApprovalThatCannotBeStoredDeniesRatherThanRuns() {
        engine.policy = (p, i, c) -> new Decision.RequireApproval("policy.yaml:4 approve deploy.*", List.of("group:sre"),
                1, Duration.ofMinutes(30));
        engine.pending = (PendingStore) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {PendingStore.class}, (proxy, method, args) -> {
                    throw new StorageException("database unreachable");
                });
        Outcome outcome = engine.build().pipeline().handle(Fixtures.message("alice", "deploy web to prod"));

        assertThat(outcome).isInstanceOf(Outcome.Failed.class);
        assertThat(engine.jobs.ran).isEmpty();
    }

    @Test
    void withTheAuditLogDownHelpStillWorksButAConfiguredCommandIsRefused() {
        engine.audit = event -> {
            throw new StorageException("database unreachable");
        };
        var built = engine.build();

        Outcome help = built.pipeline().handle(Fixtures.message("alice", "help"));
        Outcome deploy = built.pipeline().handle(Fixtures.message("alice", "deploy web to staging"));

        assertThat(help).isInstanceOf(Outcome.Replied.class);
        assertThat(deploy).isEqualTo(new Outcome.Denied("the audit log cannot be written right now, so Switchboard "
                + "will not run deploy.service; read-only commands such as help still work", "audit before action", "a1"));
        assertThat(engine.jobs.ran).isEmpty();
        assertThat(engine.gateway.said().getLast()).startsWith("Denied: the audit log cannot be written right now")
                .endsWith("(ref a1)");
    }

    @Test
    void withTheAuditLogDownCancelIsRefusedToo() {
        engine.audit = event -> {
            throw new StorageException("database unreachable");
        };
        Outcome cancel = engine.build().pipeline().handle(Fixtures.message("alice", "cancel 12"));

        assertThat(cancel).isInstanceOf(Outcome.Denied.class);
    }

    @Test
    void aCrashInsideTheChainBecomesSomethingWentWrongWithARefAndIsAudited() {
        engine.jobs = new dev.switchboard.core.fixtures.StubJobs(ex -> {
            throw new IllegalStateException("bug in the job runner");
        });
        Outcome outcome = engine.build().pipeline().handle(Fixtures.message("alice", "deploy web to staging"));

        assertThat(outcome).isEqualTo(new Outcome.Failed("something went wrong", "a0"));
        assertThat(engine.gateway.said()).containsExactly("Something went wrong (ref a0).");
        assertThat(engine.lastEvent().detail()).containsEntry("ref", "a0");
    }

    @Test
    void aFailingSendIsContainedAndTheOutcomeStands() {
        engine.gateway.failing(true);
        Outcome outcome = engine.build().pipeline().handle(Fixtures.message("alice", "ping"));

        assertThat(outcome).isInstanceOf(Outcome.Replied.class);
    }

    @Test
    void anAcceptedJobIsAckedWithACancelButtonAndTheAckIsAttachedToTheJob() {
        Outcome outcome = engine.build().pipeline().handle(Fixtures.message("alice", "deploy web to staging"));

        assertThat(outcome).isEqualTo(new Outcome.Accepted(12, "deploy web to staging"));
        assertThat(engine.gateway.said()).containsExactly(
                "⏳ deploy web to staging\n[1] Cancel: type \"cancel 12\"");
        assertThat(engine.jobs.attached.get(12L).messageId()).isEqualTo("m1");
    }
}
