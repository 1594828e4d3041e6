package dev.switchboard.chat.xmpp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AddressingTest {
    private final Addressing both = new Addressing("!", "switchboard", true);

    @Test
    void aPrefixedRoomLineIsACommandWithThePrefixStrippedOnce() {
        assertThat(both.inRoom("!status web")).hasValue("status web");
        assertThat(both.inRoom("  !!deploy  ")).hasValue("!deploy");
    }

    @Test
    void aMentionWithColonCommaOrAtSignIsACommand() {
        assertThat(both.inRoom("switchboard: status web")).hasValue("status web");
        assertThat(both.inRoom("Switchboard, status web")).hasValue("status web");
        assertThat(both.inRoom("@switchboard status web")).hasValue("status web");
        assertThat(both.inRoom("@switchboard")).hasValue("");
    }

    @Test
    void ordinaryTalkIncludingTalkAboutTheBotIsNotACommand() {
        assertThat(both.inRoom("lunch anyone?")).isEmpty();
        assertThat(both.inRoom("switchboard is slow today")).isEmpty();
        assertThat(both.inRoom("switchboarding: fun")).isEmpty();
        assertThat(both.inRoom("@switchboardfan hi")).isEmpty();
        assertThat(both.inRoom("tell switchboard: status")).isEmpty();
    }

    @Test
    void withoutMentionsOnlyThePrefixAddressesTheBot() {
        Addressing prefixOnly = new Addressing("!", "switchboard", false);
        assertThat(prefixOnly.inRoom("switchboard: status")).isEmpty();
        assertThat(prefixOnly.inRoom("!status")).hasValue("status");
    }

    @Test
    void withoutAPrefixOnlyMentionsAddressTheBot() {
        Addressing mentionOnly = new Addressing(null, "ops-bot", true);
        assertThat(mentionOnly.inRoom("!status")).isEmpty();
        assertThat(mentionOnly.inRoom("ops-bot: status")).hasValue("status");
    }

    @Test
    void aDirectMessageIsAlwaysACommandAndLosesAHabitualPrefix() {
        assertThat(both.direct("status web")).isEqualTo("status web");
        assertThat(both.direct("!status web")).isEqualTo("status web");
        assertThat(new Addressing(null, "switchboard", true).direct("!status")).isEqualTo("!status");
    }
}
