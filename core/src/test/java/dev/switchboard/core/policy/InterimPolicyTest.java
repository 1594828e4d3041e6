package dev.switchboard.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.api.chat.ConversationRef;
import dev.switchboard.api.command.Invocation;
import dev.switchboard.api.identity.Principal;
import dev.switchboard.api.policy.Decision;
import dev.switchboard.core.builtin.Builtins;
import dev.switchboard.core.fixtures.Fixtures;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InterimPolicyTest {
    private final InterimPolicy policy = new InterimPolicy();
    private final ConversationRef ops = ConversationRef.of("web", "#ops");
    private final Invocation deploy = new Invocation(Fixtures.DEPLOY, Map.of("service", "web", "env", "prod"), "deploy");

    private Invocation builtin(String id) {
        return new Invocation(Builtins.specs().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow(),
                Map.of(), id);
    }

    @Test
    void knownUsersMayRunEverything() {
        assertThat(policy.decide(new Principal("alice", Set.of(), true, true), deploy, ops))
                .isEqualTo(Decision.allow("known user (no policy section yet)"));
    }

    @Test
    void guestsMayAskForHelpButNotDeployOrReadTheAudit() {
        Principal bob = Principal.guest("web:bob", true);

        assertThat(policy.decide(bob, builtin("help"), ops)).isInstanceOf(Decision.Allow.class);
        assertThat(policy.decide(bob, builtin("audit"), ops)).isInstanceOf(Decision.Deny.class);
        assertThat(policy.decide(bob, deploy, ops)).isEqualTo(Decision.deny(
                "you are not a known user; ask an admin to add web:bob to users", "guest rights"));
    }
}
