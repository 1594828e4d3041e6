package dev.switchboard.testkit;

import dev.switchboard.api.chat.ConversationRef;
import dev.switchboard.api.pipeline.Outcome;

/** One user of a {@link ChatTestHarness} in one conversation, about to say something. Immutable. */
public final class Speaker {
    private final ChatTestHarness room;
    private final String login;
    private final ConversationRef where;
    private final boolean verified;

    Speaker(ChatTestHarness room, String login, ConversationRef where, boolean verified) {
        this.room = room;
        this.login = login;
        this.where = where;
        this.verified = verified;
    }

    /** In a channel of the same platform, e.g. {@code #ops}. */
    public Speaker in(String conversationId) {
        return new Speaker(room, login, ConversationRef.of(where.platform(), conversationId), verified);
    }

    public Speaker inThread(String threadId) {
        return new Speaker(room, login, where.inThread(threadId), verified);
    }

    /** As an account the platform does not vouch for (an IRC nick without services). */
    public Speaker unverified() {
        return new Speaker(room, login, where, false);
    }

    /**
     * Clicks the button labelled {@code label} on the newest bot message in this conversation that has buttons:
     * exactly as if this user typed the button's command. Fails the test if there is no such button.
     */
    public Outcome clicks(String label) {
        FakeChatAdapter adapter = room.adapter();
        String command = adapter.buttons(where.id()).stream().filter(b -> b.label().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no button '" + label + "' in " + where + "; buttons: "
                        + adapter.buttons(where.id())))
                .command();
        return says(command);
    }

    /** Says {@code text}; the pipeline runs to its end before this returns. */
    public Outcome says(String text) {
        return room.said(login, where, verified, text);
    }
}
