package dev.switchboard.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.api.audit.AuditEvent;
import dev.switchboard.api.audit.AuditEventType;
import dev.switchboard.api.chat.AdapterHealth;
import dev.switchboard.core.policy.rules.RuleSpec;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Admins see each chat platform's state and last error (secrets masked); everyone else is told who may. */
class ChatStatusTranscriptTest {
    private static final Instant START = Instant.parse("2026-03-01T10:00:00Z");

    private final Map<String, AdapterHealth> health = new LinkedHashMap<>();
    private final ChatTestHarness chat = ChatTestHarness.builder()
            .admins("admins")
            .secrets(Set.of("hunter2-token"))
            .policy(Rules.policy(Map.of("alice", Set.of("developers"), "carol", Set.of("admins")), List.of(),
                    RuleSpec.allow("policy.yaml:2:5", List.of("chat.status"), List.of(), null)))
            .chatHealth(() -> new LinkedHashMap<>(health))
            .build()
            .user("alice", "developers")
            .user("carol", "admins");

    @AfterEach
    void close() {
        chat.close();
    }

    @Test
    void anAdminSeesEachPlatformsStateSinceWhenAndItsLastErrorWithSecretsMasked() {
        chat.clock().set(START.plusSeconds(150));
        health.put("web", AdapterHealth.connected(START));
        health.put("mattermost", new AdapterHealth(AdapterHealth.State.RECONNECTING,
                "websocket refused the token hunter2-token:\n  401 Unauthorized", START.plusSeconds(90)));
        health.put("irc", new AdapterHealth(AdapterHealth.State.FAILED, "connection refused", null));

        chat.as("carol").in("#ops").says("chat status");

        String answer = chat.transcript("#ops").getLast();
        assertThat(answer).startsWith("bot: ").contains("platform", "state", "since", "last error")
                .contains("web", "connected", "2026-03-01 10:00:00Z (2m 30s ago)")
                .contains("mattermost", "reconnecting", "2026-03-01 10:01:30Z (1m 00s ago)",
                        "websocket refused the token ***: 401 Unauthorized")
                .contains("irc", "failed", "connection refused")
                .doesNotContain("hunter2");
        assertThat(answer.indexOf("web")).isLessThan(answer.indexOf("mattermost"));
        assertThat(answer.indexOf("mattermost")).isLessThan(answer.indexOf("irc"));
    }

    @Test
    void aNonAdminIsRefusedAndToldWhoMay() {
        health.put("web", AdapterHealth.connected(START));

        chat.as("alice").says("chat status");

        assertThat(chat.transcript()).containsExactly("alice: chat status",
                "bot: Only admins may see the chat platforms' status (members of admins).");
    }

    @Test
    void itIsReadOnlyAndAuditedLikeAnyCommand() {
        chat.as("carol").says("chat status");

        assertThat(chat.transcript().getLast()).isEqualTo("bot: No chat platforms are reported to me.");
        assertThat(chat.audit()).extracting(AuditEvent::type)
                .containsExactly(AuditEventType.RECEIVED, AuditEventType.FINISHED);
        assertThat(chat.audit().getLast().commandId()).isEqualTo("chat.status");
    }

    @Test
    void withoutAnAllowRuleEvenAnAdminIsDeniedByPolicy() {
        ChatTestHarness denied = ChatTestHarness.builder().admins("admins")
                .policy(Rules.policy(Map.of("carol", Set.of("admins")), List.of()))
                .build().user("carol", "admins");
        try (denied) {
            denied.as("carol").says("chat status");

            assertThat(denied.transcript().getLast()).startsWith("bot: ").doesNotContain("platform");
            assertThat(denied.audit()).extracting(AuditEvent::type).contains(AuditEventType.DENIED);
        }
    }
}
