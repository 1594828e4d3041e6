package dev.switchboard.app.wiring;

import dev.switchboard.api.chat.AdapterHealth;
import dev.switchboard.api.chat.ChatAdapter;
import dev.switchboard.api.chat.MessageSink;
import dev.switchboard.chat.irc.IrcChatAdapter;
import dev.switchboard.chat.mattermost.MattermostChatAdapter;
import dev.switchboard.chat.slack.SlackChatAdapter;
import dev.switchboard.chat.web.WebChatAdapter;
import dev.switchboard.chat.xmpp.XmppChatAdapter;
import dev.switchboard.config.ChatConfig;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The chat adapters of one run: the web chat always (its WebSocket is mounted only when {@code chat.web} is
 * enabled), then IRC, XMPP, Slack and Mattermost when their section is present and enabled. {@link #start} hands each the
 * engine's sink; a platform that cannot be reached then is a warning, and the adapter's own reconnect loop keeps
 * trying (its state shows in {@code /readyz}). {@link #close} stops them all, newest first. Start and close from
 * the wiring thread.
 */
final class ChatAdapters implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ChatAdapters.class);

    private final WebChatAdapter web;
    private final List<ChatAdapter> all;
    private final SlackChatAdapter slack;
    private final MattermostChatAdapter mattermost;
    private final List<ChatAdapter> started = new ArrayList<>();

    private ChatAdapters(WebChatAdapter web, List<ChatAdapter> all, SlackChatAdapter slack,
            MattermostChatAdapter mattermost) {
        this.web = web;
        this.all = List.copyOf(all);
        this.slack = slack;
        this.mattermost = mattermost;
    }

    /**
     * Builds (does not start) the enabled adapters. Throws {@link IllegalArgumentException} saying which section
     * an adapter refused and why (never with a secret), so start-up can be refused with that message.
     */
    static ChatAdapters build(ChatConfig chat, Clock clock) {
        WebChatAdapter web = new WebChatAdapter(clock);
        List<ChatAdapter> all = new ArrayList<>(List.of(web));
        if (chat.irc() != null && chat.irc().enabled()) {
            all.add(in("chat.irc", () -> new IrcChatAdapter(PlatformSettings.irc(chat.irc()), clock)));
        }
        if (chat.xmpp() != null && chat.xmpp().enabled()) {
            all.add(in("chat.xmpp", () -> new XmppChatAdapter(PlatformSettings.xmpp(chat.xmpp()), clock)));
        }
        SlackChatAdapter slack = null;
        if (chat.slack() != null && chat.slack().enabled()) {
            slack = in("chat.slack", () -> new SlackChatAdapter(PlatformSettings.slack(chat.slack()), clock));
            all.add(slack);
        }
        MattermostChatAdapter mattermost = null;
        if (chat.mattermost() != null && chat.mattermost().enabled()) {
            mattermost = in("chat.mattermost", () -> new MattermostChatAdapter(
                    PlatformSettings.mattermost(chat.mattermost()), clock));
            all.add(mattermost);
        }
        return new ChatAdapters(web, all, slack, mattermost);
    }

    WebChatAdapter web() {
        return web;
    }

    /** Every adapter of this run, the web chat first. */
    List<ChatAdapter> all() {
        return all;
    }

    /** The Slack adapter, when Slack is enabled: its HTTP entries are mounted at /slack/events and /interactions. */
    Optional<SlackChatAdapter> slack() {
        return Optional.ofNullable(slack);
    }

    /**
     * The Mattermost adapter, when Mattermost is enabled: its button callback is mounted at /mattermost/actions when
     * buttons are configured.
     */
    Optional<MattermostChatAdapter> mattermost() {
        return Optional.ofNullable(mattermost);
    }

    /** Each adapter's health by platform, the web chat first: what {@code chat status} lists. */
    Map<String, AdapterHealth> health() {
        Map<String, AdapterHealth> health = new LinkedHashMap<>();
        all.forEach(adapter -> health.put(adapter.platform(), adapter.health()));
        return health;
    }

    /** Starts every adapter with the sink; one that fails to start is logged and left to its retry loop. */
    void start(MessageSink sink) {
        for (ChatAdapter adapter : all) {
            try {
                adapter.start(sink);
                started.add(adapter);
                if (adapter != web) {
                    log.info("chat platform {} is starting; it connects in the background ({})",
                            adapter.platform(), adapter.health().state());
                }
            } catch (RuntimeException e) {
                // started anyway: start is idempotent and stop is safe, and the adapter may have begun its retries
                started.add(adapter);
                log.warn("chat platform {} did not start cleanly and will keep retrying: {}", adapter.platform(),
                        e.getMessage());
            }
        }
    }

    /** Stops every started adapter, newest first; idempotent. */
    @Override
    public void close() {
        for (int i = started.size() - 1; i >= 0; i--) {
            ChatAdapter adapter = started.get(i);
            try {
                adapter.stop();
            } catch (RuntimeException e) {
                log.warn("while stopping chat platform {}: {}", adapter.platform(), e.getMessage());
            }
        }
        started.clear();
    }

    private static <T extends ChatAdapter> T in(String section, java.util.function.Supplier<T> adapter) {
        try {
            return adapter.get();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(section + ": " + e.getMessage(), e);
        }
    }
}
