package dev.switchboard.chat.irc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AddressingTest {
    private final Addressing both = new Addressing("!", true);

    @Test
    void aChannelLineIsForTheBotOnlyWithThePrefixOrAMention() {
        assertThat(both.inChannel("!deploy web", "switchboard")).isEqualTo("deploy web");
        assertThat(both.inChannel("switchboard: deploy web", "switchboard")).isEqualTo("deploy web");
        assertThat(both.inChannel("Switchboard, status", "switchboard")).isEqualTo("status");
        assertThat(both.inChannel("deploy web", "switchboard")).isNull();
        assertThat(both.inChannel("switchboards: hi", "switchboard")).isNull();
        assertThat(both.inChannel("I asked switchboard: nothing", "switchboard")).isNull();
    }

    @Test
    void theAddressIsStrippedOnlyOnce() {
        assertThat(both.inChannel("!!deploy", "sb")).isEqualTo("!deploy");
        assertThat(both.inChannel("sb: sb: deploy", "sb")).isEqualTo("sb: deploy");
    }

    @Test
    void withoutMentionsOnlyThePrefixCounts() {
        Addressing prefixOnly = new Addressing("!", false);
        assertThat(prefixOnly.inChannel("sb: deploy", "sb")).isNull();
        assertThat(prefixOnly.inChannel("!deploy", "sb")).isEqualTo("deploy");
    }

    @Test
    void aPrivateLineAlwaysCountsAndLosesAnAddressIfItHasOne() {
        assertThat(both.inPrivate("deploy web", "sb")).isEqualTo("deploy web");
        assertThat(both.inPrivate("!deploy web", "sb")).isEqualTo("deploy web");
        assertThat(both.inPrivate("sb: help", "sb")).isEqualTo("help");
    }
}
