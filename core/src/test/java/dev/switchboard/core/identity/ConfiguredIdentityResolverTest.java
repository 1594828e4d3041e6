package dev.switchboard.core.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.api.chat.PlatformUser;
import dev.switchboard.api.identity.Principal;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConfiguredIdentityResolverTest {
    private final ConfiguredIdentityResolver resolver = new ConfiguredIdentityResolver(List.of(
            new User("alice", List.of("slack:T01/U123", "irc:alice"), Set.of("developers")),
            new User("bob", List.of("slack:T01/U456"), Set.of("sre"))));

    @Test
    void aListedVerifiedAccountIsItsUserWithGroups() {
        assertThat(resolver.resolve(new PlatformUser("slack", "T01/U123", "Alice A.", true)))
                .isEqualTo(new Principal("alice", Set.of("developers"), true, true));
    }

    @Test
    void aListedAccountThePlatformDoesNotVouchForIsAGuestBecauseAnyoneCouldHoldIt() {
        assertThat(resolver.resolve(new PlatformUser("irc", "alice", "alice", false)))
                .isEqualTo(Principal.guest("irc:alice", false));
    }

    @Test
    void aDisplayNameNeverIdentifiesAnyone() {
        assertThat(resolver.resolve(new PlatformUser("slack", "U999", "alice", true)))
                .isEqualTo(Principal.guest("slack:U999", true));
    }

    @Test
    void anAccountListedUnderTwoUsersIsRejectedNamingBoth() {
        assertThatThrownBy(() -> new ConfiguredIdentityResolver(List.of(
                new User("alice", List.of("web:al"), Set.of()), new User("bob", List.of("web:al"), Set.of()))))
                .hasMessageContaining("web:al").hasMessageContaining("alice").hasMessageContaining("bob");
    }
}
