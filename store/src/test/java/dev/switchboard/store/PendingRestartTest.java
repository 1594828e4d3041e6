package dev.switchboard.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.api.StorageException;
import dev.switchboard.api.approval.PendingRequest;
import dev.switchboard.api.chat.ConversationRef;
import dev.switchboard.api.chat.InboundMessage;
import dev.switchboard.api.chat.PlatformUser;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pending confirmations and approvals on an H2 file database across restarts and after close. */
class PendingRestartTest {
    private static final String PASSWORD = "h2-Pending-Pa55word";
    private static final Instant T0 = Instant.parse("2026-03-01T10:15:30.123456Z");

    @TempDir
    Path dir;

    private StorageSettings settings() {
        return StorageSettings.of("jdbc:h2:file:" + dir.resolve("switchboard"), "sb", PASSWORD);
    }

    private static PendingRequest prodDeploy(String id) {
        Map<String, String> args = new LinkedHashMap<>();
        args.put("service", "web");
        args.put("env", "prod");
        InboundMessage asked = new InboundMessage("evt-1", new PlatformUser("web", "alice", "Alice", true),
                ConversationRef.of("web", "#ops").inThread("t-9"), "deploy web to prod", T0, false);
        return new PendingRequest(id, PendingRequest.Kind.APPROVAL, "corr-1", asked, "alice", "deploy.service", args,
                "9f2c41", "prod needs an SRE", List.of("group:sre"), 2, T0, T0.plusSeconds(1800),
                PendingRequest.State.PENDING, List.of(), null);
    }

    @Test
    void anApprovalHalfWayThroughSurvivesARestart() {
        PendingRequest asked = prodDeploy("7f3a2c");
        PendingRequest.Vote bob = new PendingRequest.Vote("bob", "web:bob", T0.plusSeconds(60));
        try (JdbcStorage before = JdbcStorage.open(settings())) {
            before.pending().create(asked);
            before.pending().addVote(asked.id(), bob);
        }

        try (JdbcStorage after = JdbcStorage.open(settings())) {
            assertThat(after.pending().find(asked.id())).contains(asked.withVote(bob));
            assertThat(after.pending().pending()).extracting(PendingRequest::id).containsExactly(asked.id());
            PendingRequest.Vote carol = new PendingRequest.Vote("carol", "web:carol", T0.plusSeconds(90));
            assertThat(after.pending().addVote(asked.id(), carol)).map(PendingRequest::votes)
                    .contains(List.of(bob, carol));
        }
    }

    @Test
    void aClosedStorageRefusesWithoutRevealingThePassword() {
        JdbcStorage storage = JdbcStorage.open(settings());
        storage.close();

        assertThatThrownBy(() -> storage.pending().find("7f3a2c")).isInstanceOf(StorageException.class)
                .hasMessageContaining("7f3a2c").hasMessageNotContaining(PASSWORD);
        assertThatThrownBy(() -> storage.pending().create(prodDeploy("7f3a2c")))
                .isInstanceOf(StorageException.class).hasMessageNotContaining(PASSWORD);
    }
}
